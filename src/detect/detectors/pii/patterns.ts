/**
 * The regular expressions of the personal-data recognisers. Every quantifier is bounded, so the work
 * per start position is constant and a scan is linear in the input length (the conformance suite's
 * 100 KB adversarial inputs prove it). Each pattern has a test in patterns.test.ts.
 */

/** Domain part of an e-mail address, matched sticky right after the `@` (labels, dots, hyphens). */
export const EMAIL_DOMAIN = /[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?/y;

/** Characters allowed in the local part of an e-mail address (scanned backwards from the `@`). */
export const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;

/** A web address with a scheme, or starting with `www.`; trailing punctuation is trimmed afterwards. */
export const URL_CANDIDATE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`]{2,2048}/gi;

/** 12 to 19 digits, optionally grouped by single spaces or dashes: a payment-card candidate. */
export const CARD_CANDIDATE = /(?<![\d.,-])\d(?:[ -]?\d){11,18}(?![\d-]|[.,]\d)/g;

/** Two letters, two check digits, then 11 to 30 alphanumerics, optionally in groups of four. */
export const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;

/** A US SSN written 123-45-6789 or 123 45 6789 (the same separator twice). */
export const SSN_FORMATTED = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;

/** Nine digits alone: an SSN only when a context word is near. */
export const SSN_UNFORMATTED = /(?<![\d-])\d{9}(?![\d-])/g;

/** A dotted quad; octets are checked in code. Not part of a longer dotted number (OIDs, versions). */
export const IPV4_CANDIDATE = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d|\w)/g;

/** Words that make a dotted quad a version number when they come right before it. */
export const VERSION_PREFIX = /(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\bbuild no\.?)\s{0,2}$/i;

/** Hex groups and colons (and an IPv4 tail); validated with node:net isIPv6. */
export const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{2,44}(?![\w:])/g;

/** Passport numbers: one to three letters and six to nine digits, or nine alphanumerics (DE/FR). */
export const PASSPORT_VALUE =
  /\b(?:[A-Z]{1,3}\d{6,9}|\d{2}[A-Z]{2}\d{5}|[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}|\d{9})\b/g;

/** A word that announces a date of birth, in English, German, French and Spanish. */
export const BIRTH_CONTEXT =
  /\b(?:born|birth|birthday|dob|d\.o\.b\.?|date of birth|n[ée]e?|naissance|geboren|geburtsdatum|geburtstag|nacid[oa]|nacimiento|cumpleaños)\b/giu;

const MONTHS =
  "jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vr(?:ier)?|m[äa]r(?:ch|z|s)?|apr(?:il)?|avr(?:il)?|may|mai|ma[iy]o|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t|tember|tembre|tiembre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|iembre|embre)?|d[eé]c(?:ember|embre)?|dez(?:ember)?|dic(?:iembre)?|enero|febrero|marzo|abril|junio|julio|agosto|janvier|mars";

/** A calendar date: numeric (d/m/y, y-m-d) or with a month name in en/de/fr/es. */
export const DATE_VALUE = new RegExp(
  [
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b`,
    String.raw`\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th|er|\.|º)?\s{1,2}(?:of\s|de\s)?(?:${MONTHS})\.?,?\s{1,2}(?:de\s)?\d{4}\b`,
    String.raw`\b(?:${MONTHS})\.?\s{1,2}\d{1,2}(?:st|nd|rd|th)?,?\s{1,2}\d{4}\b`,
  ].join("|"),
  "giu",
);
