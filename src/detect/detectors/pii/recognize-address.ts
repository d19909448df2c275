import { MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

/** English street address: house number, one to four capitalised words, a street type. */
export const ADDRESS_ENGLISH =
  /\b\d{1,5}[A-Za-z]?\s(?:\p{Lu}[\p{L}'.-]{1,30}\s){1,4}(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Way|Court|Place|Square|Terrace|Parkway|Highway|Circle|Trail|Row|Crescent|Close|Gardens)\b|(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Sq|Pkwy|Hwy)\b\.?)/gu;

/** German street address: a compound ending in -straße, -weg, -platz... and a house number. */
export const ADDRESS_GERMAN =
  /\b\p{Lu}[\p{L}-]{1,40}(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad)\s\d{1,4}(?:\s?[a-z])?\b/gu;

/** German street names written apart: "Straße des 17. Juni" is rare; "Am Markt 5", "An der Alster 3". */
export const ADDRESS_GERMAN_SEPARATE =
  /\b(?:\p{Lu}[\p{Ll}]{1,30}e[nr]?\s)(?:Straße|Strasse|Weg|Platz|Allee|Gasse|Ring)\s\d{1,4}(?:\s?[a-z])?\b/gu;

/** French street address: optional number, a street type, optional "de la", capitalised words. */
export const ADDRESS_FRENCH =
  /(?:\b\d{1,4}(?:\s?(?:bis|ter))?,?\s)?\b(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours|[Pp]assage)\s(?:de\s(?:la\s|l')?|du\s|des\s|d')?\p{Lu}[\p{L}'-]{1,30}(?:\s\p{Lu}[\p{L}'-]{1,30}){0,3}(?:\s\d{1,4})?/gu;

/** Spanish street address: a street type, optional "de la", capitalised words, optional number. */
export const ADDRESS_SPANISH =
  /\b(?:[Cc]alle|C\/|[Aa]venida|[Aa]vda\.?|[Pp]aseo|[Pp]laza|[Cc]amino|[Cc]arretera|[Rr]onda|[Tt]ravesía|[Gg]ran [Vv]ía)\s(?:de\s(?:la\s|los\s|las\s)?|del\s)?\p{Lu}[\p{L}'-]{1,30}(?:\s\p{Lu}[\p{L}'-]{1,30}){0,3}(?:,?\s(?:n[º°o]\.?\s?)?\d{1,4})?/gu;

/**
 * Continental style with a leading postcode or house number: "28245 Puruntie 82", "450 Præstevænget 15",
 * "3482 Via Franscini 71": a number, one to three words (the first capitalised), a house number.
 */
export const ADDRESS_NUMBERED =
  /\b\d{3,5}\s(?:\p{Lu}[\p{L}'-]{2,30})(?:\s[\p{L}'-]{2,30}){0,2}\s\d{1,4}[a-z]?\b/gu;

/** Portuguese and Italian street address: Rua do Arenque 1634, Via Franscini 71, Piazza del Duomo 3. */
export const ADDRESS_PORTUGUESE_ITALIAN =
  /\b(?:Rua|Travessa|Largo|Via|Viale|Piazza|Corso|Vicolo)\s(?:(?:do|da|dos|das|de|del|della|delle|dei|di)\s)?\p{Lu}[\p{L}'-]{1,30}(?:\s\p{Lu}[\p{L}'-]{1,30}){0,3}(?:,?\s\d{1,4})?/gu;

/** Flat, suite or unit numbers inside an address. */
export const ADDRESS_UNIT =
  /\b(?:Apt\.?|Apartment|Suite|Unit|Wohnung|Appartement|Piso|Bloque)\s#?\d{1,5}[A-Z]?\b/gu;

/** Cheap literal hints: the full address pattern runs only in a window around one of them. */
export const HINT_ENGLISH =
  /\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Trail|Row|Crescent|Close|Gardens)\b/g;
export const HINT_GERMAN =
  /(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|Straße|Strasse|Weg|Platz|Allee|Gasse|Ring)\s\d/g;
export const HINT_FRENCH =
  /\b(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours|[Pp]assage)\s/g;
export const HINT_SPANISH =
  /(?:\b[Cc]alle|C\/|\b[Aa]venida|\b[Aa]vda|\b[Pp]aseo|\b[Pp]laza|\b[Cc]amino|\b[Cc]arretera|\b[Rr]onda|\b[Tt]ravesía|\b[Gg]ran [Vv]ía)\s/g;
export const HINT_NUMBERED = /\d{3,5} [A-ZÀ-ÞĀ-ɏ]/g;
export const HINT_PORTUGUESE_ITALIAN = /\b(?:Rua|Travessa|Largo|Via|Viale|Piazza|Corso|Vicolo)\s/g;
export const HINT_UNIT = /\b(?:Apt|Apartment|Suite|Unit|Wohnung|Appartement|Piso|Bloque)\b/g;

interface AddressPattern {
  readonly pattern: RegExp;
  readonly hint: RegExp;
  /** how far before and after a hint the address may extend */
  readonly before: number;
  readonly after: number;
  readonly rule: string;
  readonly score: number;
}

const ADDRESS_PATTERNS: readonly AddressPattern[] = [
  { pattern: ADDRESS_ENGLISH, hint: HINT_ENGLISH, before: 170, after: 2, rule: "address.en", score: 0.85 },
  { pattern: ADDRESS_GERMAN, hint: HINT_GERMAN, before: 45, after: 8, rule: "address.de", score: 0.85 },
  {
    pattern: ADDRESS_GERMAN_SEPARATE,
    hint: HINT_GERMAN,
    before: 35,
    after: 8,
    rule: "address.de",
    score: 0.75,
  },
  { pattern: ADDRESS_FRENCH, hint: HINT_FRENCH, before: 14, after: 140, rule: "address.fr", score: 0.85 },
  { pattern: ADDRESS_SPANISH, hint: HINT_SPANISH, before: 2, after: 150, rule: "address.es", score: 0.85 },
  {
    pattern: ADDRESS_PORTUGUESE_ITALIAN,
    hint: HINT_PORTUGUESE_ITALIAN,
    before: 2,
    after: 150,
    rule: "address.pt-it",
    score: 0.8,
  },
  {
    pattern: ADDRESS_NUMBERED,
    hint: HINT_NUMBERED,
    before: 0,
    after: 80,
    rule: "address.numbered",
    score: 0.6,
  },
  { pattern: ADDRESS_UNIT, hint: HINT_UNIT, before: 0, after: 12, rule: "address.unit", score: 0.6 },
];

/** Merged windows around the hint matches, widened to whitespace so that words are not cut. */
function hintWindows(text: string, entry: AddressPattern): [number, number][] {
  const windows: [number, number][] = [];
  for (const match of text.matchAll(entry.hint)) {
    let start = Math.max(0, match.index - entry.before);
    while (start > 0 && start > match.index - entry.before - 40 && !/\s/.test(text.charAt(start - 1)))
      start--;
    const end = Math.min(text.length, match.index + match[0].length + entry.after);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
    if (windows.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return windows;
}

/** Street addresses in English, German, French and Spanish, reported as LOCATION. */
export function recognizeAddresses(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  for (const entry of ADDRESS_PATTERNS) {
    for (const [windowStart, windowEnd] of hintWindows(text, entry)) {
      for (const match of text.slice(windowStart, windowEnd).matchAll(entry.pattern)) {
        const start = windowStart + match.index;
        found.push({
          type: "LOCATION",
          rule: entry.rule,
          start,
          end: start + match[0].length,
          score: entry.score,
        });
        if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) return found;
      }
    }
  }
  return found;
}
