/**
 * One linear pass that finds where encoded data may be, so that the decoders do not each scan
 * the whole text with a regular expression (a class repeated {16,} costs several steps per
 * character in V8; this loop costs one table lookup).
 */

/** Minimum length of a base64 or hex run worth decoding. */
export const MIN_ENCODED_RUN = 16;

const BASE64 = 1;
const HEX = 2;
const ALNUM = 4;
/** Character classes of ASCII units: base64 (A-Z a-z 0-9 + / _ -), hex digits, letters and digits. */
const CLASSES = (() => {
  const table = new Uint8Array(128);
  for (let unit = 0; unit < 128; unit++) {
    const character = String.fromCharCode(unit);
    if (/[A-Za-z0-9+/_-]/.test(character)) table[unit] = (table[unit] ?? 0) | BASE64;
    if (/[0-9A-Fa-f]/.test(character)) table[unit] = (table[unit] ?? 0) | HEX;
    if (/[A-Za-z0-9]/.test(character)) table[unit] = (table[unit] ?? 0) | ALNUM;
  }
  return table;
})();

function classOf(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit < 128 ? (CLASSES[unit] ?? 0) : 0;
}

export interface EncodingCandidates {
  /** maximal base64-alphabet runs of MIN_ENCODED_RUN or more, padding included: [start, end) */
  readonly base64Runs: readonly (readonly [number, number])[];
  /** letter-and-digit words made only of hex digits, MIN_ENCODED_RUN or more */
  readonly hexRuns: readonly (readonly [number, number])[];
  /** the text has a "\x" followed by a hex digit */
  readonly hasHexEscape: boolean;
  /** the text has three hex pairs separated by spaces or colons ("69 67 6e") */
  readonly hasSpacedHex: boolean;
  /** the text has a "%" followed by two hex digits */
  readonly hasPercentByte: boolean;
}

export function findEncodingCandidates(text: string): EncodingCandidates {
  const base64Runs: [number, number][] = [];
  const hexRuns: [number, number][] = [];
  let hasHexEscape = false;
  let hasSpacedHex = false;
  let hasPercentByte = false;
  let base64Start = -1;
  let wordStart = -1;
  let wordAllHex = true;
  const length = text.length;
  for (let index = 0; index <= length; index++) {
    const kind = index < length ? classOf(text, index) : 0;
    if (kind & BASE64) {
      if (base64Start < 0) base64Start = index;
    } else if (base64Start >= 0) {
      if (index - base64Start >= MIN_ENCODED_RUN) base64Runs.push([base64Start, paddingEnd(text, index)]);
      base64Start = -1;
    }
    if (kind & ALNUM) {
      if (wordStart < 0) {
        wordStart = index;
        wordAllHex = true;
        if (!hasSpacedHex && kind & HEX) hasSpacedHex = spacedHexAt(text, index);
      }
      if (!(kind & HEX)) wordAllHex = false;
    } else {
      if (wordStart >= 0 && wordAllHex && index - wordStart >= MIN_ENCODED_RUN)
        hexRuns.push([wordStart, index]);
      wordStart = -1;
      const unit = text.charCodeAt(index);
      if (unit === 0x25 && classOf(text, index + 1) & HEX && classOf(text, index + 2) & HEX)
        hasPercentByte = true;
      else if (unit === 0x5c && text.charCodeAt(index + 1) === 0x78 && classOf(text, index + 2) & HEX)
        hasHexEscape = true;
    }
  }
  return { base64Runs, hexRuns, hasHexEscape, hasSpacedHex, hasPercentByte };
}

/** Up to two "=" of padding after a base64 run. */
function paddingEnd(text: string, index: number): number {
  let end = index;
  while (end < index + 2 && text.charCodeAt(end) === 0x3d) end++;
  return end;
}

function isSeparator(unit: number): boolean {
  return unit === 0x20 || unit === 0x3a;
}

/** "HH?HH?HH" at a word start: two hex digits, a space or colon, three times. */
function spacedHexAt(text: string, index: number): boolean {
  for (let pair = 0; pair < 3; pair++) {
    const at = index + pair * 3;
    if (!(classOf(text, at) & HEX) || !(classOf(text, at + 1) & HEX)) return false;
    if (pair < 2 && !isSeparator(text.charCodeAt(at + 2))) return false;
  }
  return true;
}
