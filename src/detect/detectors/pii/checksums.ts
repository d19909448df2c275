/** Validation of structured identifiers: Luhn, card issuer ranges, IBAN mod-97, US SSN rules. */

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let value = digits.charCodeAt(index) - 48;
    if (value < 0 || value > 9) return false;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

interface IssuerRange {
  readonly issuer: string;
  /** inclusive prefix range, compared on the first `low.length` digits */
  readonly low: string;
  readonly high: string;
  readonly lengths: readonly number[];
}

/** Issuer identification number ranges and the card lengths each issuer uses. */
const ISSUER_RANGES: readonly IssuerRange[] = [
  { issuer: "visa", low: "4", high: "4", lengths: [13, 16, 19] },
  { issuer: "mastercard", low: "51", high: "55", lengths: [16] },
  { issuer: "mastercard", low: "2221", high: "2720", lengths: [16] },
  { issuer: "amex", low: "34", high: "34", lengths: [15] },
  { issuer: "amex", low: "37", high: "37", lengths: [15] },
  { issuer: "discover", low: "6011", high: "6011", lengths: [16, 17, 18, 19] },
  { issuer: "discover", low: "644", high: "649", lengths: [16, 17, 18, 19] },
  { issuer: "discover", low: "65", high: "65", lengths: [16, 17, 18, 19] },
  { issuer: "unionpay", low: "62", high: "62", lengths: [16, 17, 18, 19] },
  { issuer: "diners", low: "300", high: "305", lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: "diners", low: "36", high: "36", lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: "diners", low: "38", high: "39", lengths: [14, 15, 16, 17, 18, 19] },
  { issuer: "jcb", low: "3528", high: "3589", lengths: [16, 17, 18, 19] },
  { issuer: "jcb", low: "1800", high: "1800", lengths: [15] },
  { issuer: "jcb", low: "2131", high: "2131", lengths: [15] },
  { issuer: "mir", low: "2200", high: "2204", lengths: [16, 17, 18, 19] },
  { issuer: "maestro", low: "50", high: "50", lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { issuer: "maestro", low: "56", high: "69", lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

/** The issuer whose prefix range and length fit the digits, or undefined. */
export function cardIssuer(digits: string): string | undefined {
  for (const range of ISSUER_RANGES) {
    if (!range.lengths.includes(digits.length)) continue;
    const prefix = digits.slice(0, range.low.length);
    if (prefix >= range.low && prefix <= range.high) return range.issuer;
  }
  return undefined;
}

/** IBAN length per country code (SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** Full IBAN validation on a compact (no spaces) upper-case value: country length and mod-97 = 1. */
export function ibanValid(compact: string): boolean {
  const country = compact.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected === undefined || compact.length !== expected) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    let value: number;
    if (code >= 48 && code <= 57) value = code - 48;
    else if (code >= 65 && code <= 90) value = code - 55;
    else return false;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** US SSN rules: area not 000, 666 or 900-999; group not 00; serial not 0000. Input: 9 digits. */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === "000" || area === "666" || area.startsWith("9")) return false;
  if (group === "00" || serial === "0000") return false;
  // well-known advertising and test numbers
  return digits !== "078051120" && digits !== "219099999" && digits !== "123456789";
}
