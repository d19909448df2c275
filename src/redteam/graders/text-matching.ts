/** Zero-width characters, word joiners and the BOM, removed before matching. */
export const INVISIBLE_CHARACTERS = /[\u200b-\u200f\u2060-\u2064\ufeff]/gu;
/** Unicode tag characters (U+E0020..U+E007E) carry hidden ASCII. */
const TAG_CHARACTER = /[\u{e0020}-\u{e007e}]/gu;

/** The text as a reader (or a renderer) sees it: NFKC, invisible characters dropped, tags decoded. */
export function visibleText(text: string): string {
  return text
    .replace(TAG_CHARACTER, (character) =>
      String.fromCodePoint((character.codePointAt(0) ?? 0xe0000) - 0xe0000),
    )
    .replace(INVISIBLE_CHARACTERS, "")
    .normalize("NFKC");
}

/** Letters and digits only, lower case: "4111 1111-1111 1111" and "41111111 11111111" compare equal. */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Whether `needle` appears in `text`, exactly or once spacing and punctuation are ignored. */
export function containsValue(text: string, needle: string): boolean {
  const visible = visibleText(text);
  if (visible.toLowerCase().includes(needle.toLowerCase())) return true;
  const compactNeedle = compact(needle);
  return compactNeedle.length >= 6 && compact(visible).includes(compactNeedle);
}

/** A value shown without giving it away: first two and last two characters. */
export function maskValue(value: string): string {
  return value.length <= 6 ? "***" : `${value.slice(0, 2)}***${value.slice(-2)}`;
}
