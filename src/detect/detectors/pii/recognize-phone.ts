import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { hasContext, hasContextBefore, NEGATIVE_CONTEXT, PHONE_CONTEXT } from "./context-words.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

/** Characters that may separate digit groups inside one phone number (no newlines). */
const PHONE_SEPARATOR = /[ .\-/()\u00a0]/;
/** A date or a time that a phone candidate must not be: 2020-06-20, 20.06.2020, 14:11. */
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
/** A date anywhere in the run (a timestamp), or the SSN shape 123-45-6789. */
const CONTAINS_DATE_OR_SSN = /\d{4}-\d{1,2}-\d{1,2}|^\d{3}-\d{2}-\d{4}$/;
/** Identifier glue: a run that continues an identifier (UUID tails, part numbers) is not a phone. */
const IDENTIFIER_GLUE = /[-./_:#]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const DIGIT = /\d/;
/** A flat or suite number right before: "Apt. 675 62314" is an address, not a phone number. */
const UNIT_BEFORE = /(?:apt\.?|suite|unit|box)\s{0,2}$/i;
/** A street word right after: "3747 3911 fourth avenue" is a house number. */
const STREET_AFTER =
  /^[\s,]{0,2}(?:[\p{L}.'-]{1,20}\s){0,2}(?:rue|avenue|street|st\.|road|rd\.|lane|suite|apt|calle|straße|strasse|via)\b/iu;
/** An extension right after the number: x4587, ext. 12, #305. */
const PHONE_EXTENSION = /(?:x|ext\.? ?|#)\d{1,5}/y;
/** Words that make a number something else than a phone number. */
const NOT_PHONE_CONTEXT = [
  "license",
  "licence",
  "zip",
  "postal",
  "postcode",
  "passport",
  "ssn",
  "social security",
  "iban",
  "card",
  "isbn",
  "pasaporte",
  "passeport",
  "reisepass",
];
/** A dotted number with three or four parts of one to three digits: a version or an IPv4 address. */
const DOTTED_VERSION = /^\d{1,3}(?:\.\d{1,3}){2,3}$/;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
const MAX_LENGTH = 32;

function isDigit(character: string): boolean {
  return character >= "0" && character <= "9";
}

/**
 * Candidate runs: a digit (or `+` / `(` before one), then digits and single separators, at most two
 * separators in a row, at most 15 digits. One pass over the text: linear.
 */
/** Where a phone number may start: a digit, or `+` / `(` before a digit. */
const PHONE_START = /[+(]?\d/g;
/** A letter, digit or underscore: a number glued to a word is not a phone number. */
const WORD_CHARACTER_BEFORE = /[\p{L}\p{N}_]/u;
const LETTER_AFTER = /[\p{L}_]/u;

/** The end of the run of word characters at `index`, so that a number glued to a word is skipped whole. */
function skipWord(text: string, index: number): number {
  let position = index;
  while (position < text.length && WORD_CHARACTER_BEFORE.test(text.charAt(position))) position++;
  return Math.max(position, index + 1);
}

function phoneRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  PHONE_START.lastIndex = 0;
  let found = PHONE_START.exec(text);
  while (found && runs.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    const index = found.index;
    const character = text.charAt(index);
    if (index > 0 && WORD_CHARACTER_BEFORE.test(text.charAt(index - 1))) {
      PHONE_START.lastIndex = skipWord(text, index);
      found = PHONE_START.exec(text);
      continue;
    }
    let end = index + 1;
    let digits = isDigit(character) ? 1 : 0;
    let lastDigitEnd = digits ? end : index;
    let separatorRun = 0;
    while (end < text.length && end - index < MAX_LENGTH) {
      const next = text.charAt(end);
      if (isDigit(next)) {
        digits++;
        separatorRun = 0;
        lastDigitEnd = end + 1;
      } else if (PHONE_SEPARATOR.test(next) && separatorRun < 2) {
        separatorRun++;
      } else break;
      if (digits > MAX_DIGITS) break;
      end++;
    }
    PHONE_EXTENSION.lastIndex = lastDigitEnd;
    const extension = PHONE_EXTENSION.exec(text);
    const runEnd = extension ? lastDigitEnd + extension[0].length : lastDigitEnd;
    const followedByWordCharacter = LETTER_AFTER.test(text.charAt(runEnd));
    if (digits >= MIN_DIGITS && digits <= MAX_DIGITS && !followedByWordCharacter) runs.push([index, runEnd]);
    PHONE_START.lastIndex = skipWord(text, Math.max(end, index + 1));
    found = PHONE_START.exec(text);
  }
  return runs;
}

/** Phone numbers: libphonenumber-js validation, international or in the configured regions, plus context. */
export function recognizePhones(text: string, regions: readonly string[]): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  for (const [start, end] of phoneRuns(text)) {
    const value = text.slice(start, end);
    if (DATE_LIKE.test(value) || DOTTED_VERSION.test(value) || CONTAINS_DATE_OR_SSN.test(value)) continue;
    const glueBefore =
      IDENTIFIER_GLUE.test(text.charAt(start - 1)) && WORD_CHARACTER.test(text.charAt(start - 2));
    const glueAfter = IDENTIFIER_GLUE.test(text.charAt(end)) && DIGIT.test(text.charAt(end + 1));
    if (glueBefore || glueAfter) continue;
    const international = value.startsWith("+") || value.startsWith("00");
    let score = 0;
    if (international) {
      const parsed = parsePhoneNumberFromString(value.startsWith("00") ? `+${value.slice(2)}` : value);
      if (parsed?.isValid()) score = 0.85;
      else if (parsed?.isPossible()) score = 0.6;
    } else {
      for (const region of regions) {
        const parsed = parsePhoneNumberFromString(value, region as CountryCode);
        if (parsed?.isValid()) {
          // a bare run of digits is as often an identifier as a phone number: context must decide
          score = /^\d+$/.test(value) ? 0.4 : 0.55;
          break;
        }
      }
    }
    const context =
      hasContextBefore(text, start, PHONE_CONTEXT, 40) ||
      hasContext(text, start, end, ["office", "fax", "mobile", "cell", "home", "work"], 0, 12);
    if (context) score = Math.max(score, 0.5) + 0.3;
    if (/[a-z]/i.test(text.slice(start - 1, start))) score -= 0.3;
    if (hasContext(text, start, end, NEGATIVE_CONTEXT, 32, 8)) score -= 0.5;
    if (hasContextBefore(text, start, NOT_PHONE_CONTEXT, 32)) score -= 0.5;
    if (UNIT_BEFORE.test(text.slice(Math.max(0, start - 10), start))) score -= 0.5;
    if (STREET_AFTER.test(text.slice(end, end + 28))) score -= 0.4;
    if (score > 0)
      found.push({
        type: "PHONE",
        rule: international ? "phone.international" : "phone",
        start,
        end,
        score: clampScore(score),
      });
  }
  return found;
}
