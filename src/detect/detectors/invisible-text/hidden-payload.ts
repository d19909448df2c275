import { tagToAscii, variationSelectorByte } from "../../normalize/characters.js";
import { bytesToText } from "../../normalize/language.js";

/** The ASCII text that tag characters mirror. */
export function tagPayload(codePoints: readonly number[]): string {
  return codePoints.map(tagToAscii).join("");
}

/** Bytes smuggled in variation selectors (VS1-VS16 -> 0-15, VS17-VS256 -> 16-255), as text when readable. */
export function selectorPayload(codePoints: readonly number[]): string | undefined {
  return bytesToText(Uint8Array.from(codePoints.map(variationSelectorByte)));
}

/**
 * Zero-width binary: a run that alternates exactly two characters encodes bits. Tries both bit
 * assignments, eight bits to a byte, and returns readable text when one of them gives some.
 */
export function zeroWidthPayload(codePoints: readonly number[]): string | undefined {
  const distinct = [...new Set(codePoints)];
  if (distinct.length !== 2 || codePoints.length < 8) return undefined;
  for (const one of distinct) {
    const bytes: number[] = [];
    for (let index = 0; index + 8 <= codePoints.length; index += 8) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) byte = (byte << 1) | (codePoints[index + bit] === one ? 1 : 0);
      bytes.push(byte);
    }
    const text = bytesToText(Uint8Array.from(bytes));
    if (text !== undefined) return text;
  }
  return undefined;
}
