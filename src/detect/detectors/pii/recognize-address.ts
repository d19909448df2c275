import { MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

/** English street address: house number, one to four capitalised words, a street type. */
export const ADDRESS_ENGLISH =
  /\b\d{1,5}[A-Za-z]?\s(?:\p{Lu}[\p{L}'.-]{1,30}\s){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Trail|Row|Crescent|Close|Gardens)\b\.?/gu;

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

/** Flat, suite or unit numbers inside an address. */
export const ADDRESS_UNIT =
  /\b(?:Apt\.?|Apartment|Suite|Unit|Wohnung|Appartement|Piso|Bloque)\s#?\d{1,5}[A-Z]?\b/gu;

const ADDRESS_PATTERNS: readonly (readonly [RegExp, string, number])[] = [
  [ADDRESS_ENGLISH, "address.en", 0.85],
  [ADDRESS_GERMAN, "address.de", 0.85],
  [ADDRESS_GERMAN_SEPARATE, "address.de", 0.75],
  [ADDRESS_FRENCH, "address.fr", 0.85],
  [ADDRESS_SPANISH, "address.es", 0.85],
  [ADDRESS_UNIT, "address.unit", 0.6],
];

/** Street addresses in English, German, French and Spanish, reported as LOCATION. */
export function recognizeAddresses(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  for (const [pattern, rule, score] of ADDRESS_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ type: "LOCATION", rule, start: match.index, end: match.index + match[0].length, score });
      if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) return found;
    }
  }
  return found;
}
