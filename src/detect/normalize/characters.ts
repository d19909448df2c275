/**
 * Invisible and control characters that normalisation removes, named one set each.
 * Code points, not regular expressions: the passes classify one code point at a time.
 */

/**
 * Zero-width and invisible formatting characters: zero width space U+200B, non-joiner U+200C,
 * joiner U+200D, word joiner U+2060, invisible math operators U+2061-U+2064, byte order mark /
 * zero width no-break space U+FEFF, Mongolian vowel separator U+180E, soft hyphen U+00AD,
 * combining grapheme joiner U+034F, Hangul fillers U+115F, U+1160, U+3164, U+FFA0.
 */
export const ZERO_WIDTH_CODE_POINTS: ReadonlySet<number> = new Set([
  0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e, 0x00ad, 0x034f, 0x115f,
  0x1160, 0x3164, 0xffa0,
]);

/**
 * Bidirectional controls (the "Trojan Source" set): embeddings and overrides U+202A-U+202E,
 * isolates U+2066-U+2069, marks U+200E, U+200F and the Arabic letter mark U+061C.
 */
export const BIDI_CONTROL_CODE_POINTS: ReadonlySet<number> = new Set([
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
]);

/** Bidi overrides and embeddings that reorder the display of text (a subset of the controls). */
export const BIDI_OVERRIDE_CODE_POINTS: ReadonlySet<number> = new Set([0x202a, 0x202b, 0x202d, 0x202e]);

export const ZERO_WIDTH_JOINER = 0x200d;

/** Unicode tag block U+E0000-U+E007F; U+E0020-U+E007E mirror printable ASCII. */
export const TAG_FIRST = 0xe0000;
export const TAG_LAST = 0xe007f;
/** CANCEL TAG, which ends an emoji tag sequence */
export const TAG_CANCEL = 0xe007f;
/** WAVING BLACK FLAG: the base of subdivision flag tag sequences (England, Scotland, Wales) */
export const BLACK_FLAG = 0x1f3f4;

/** Variation selectors VS1-VS16 (U+FE00-U+FE0F) and VS17-VS256 (U+E0100-U+E01EF). */
export function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

/** The byte a variation selector encodes when it is used to smuggle data: VS1 -> 0 ... VS256 -> 255. */
export function variationSelectorByte(codePoint: number): number {
  return codePoint <= 0xfe0f ? codePoint - 0xfe00 : codePoint - 0xe0100 + 16;
}

export function isTagCharacter(codePoint: number): boolean {
  return codePoint >= TAG_FIRST && codePoint <= TAG_LAST;
}

/** The ASCII character a tag character mirrors, or "" for tags outside U+E0020-U+E007E. */
export function tagToAscii(codePoint: number): string {
  const ascii = codePoint - TAG_FIRST;
  return ascii >= 0x20 && ascii <= 0x7e ? String.fromCharCode(ascii) : "";
}

/** Every character that normalisation drops from the normalised views. */
export function isInvisible(codePoint: number): boolean {
  return (
    ZERO_WIDTH_CODE_POINTS.has(codePoint) ||
    BIDI_CONTROL_CODE_POINTS.has(codePoint) ||
    isTagCharacter(codePoint) ||
    isVariationSelector(codePoint)
  );
}

/**
 * Emoji that can take part in a joiner (ZWJ) sequence or carry a flag: Extended_Pictographic,
 * skin-tone modifiers and regional indicators. Tested with a Unicode property escape.
 */
const EMOJI_PART_PATTERN = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]$/u;

export function isEmojiPart(codePoint: number): boolean {
  if (codePoint < 0x80) return false;
  return EMOJI_PART_PATTERN.test(String.fromCodePoint(codePoint));
}

/** Tag characters allowed inside a subdivision flag: tag digits and tag small letters. */
function isFlagTag(codePoint: number): boolean {
  const ascii = codePoint - TAG_FIRST;
  return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x61 && ascii <= 0x7a);
}

/** Longest tag spec of a valid subdivision flag (region code plus subdivision, e.g. "gbeng"). */
const MAX_FLAG_TAGS = 7;

/**
 * When `index` is just after a WAVING BLACK FLAG and starts a valid emoji tag sequence (2-7 tag
 * digits or small letters, then CANCEL TAG), returns the number of UTF-16 units of the tags
 * (cancel included); otherwise 0. England, Scotland and Wales flags are such sequences.
 */
export function subdivisionFlagTagLength(text: string, index: number): number {
  const before = index >= 2 ? text.codePointAt(index - 2) : undefined;
  if (before !== BLACK_FLAG) return 0;
  let position = index;
  let tags = 0;
  while (position < text.length && tags <= MAX_FLAG_TAGS) {
    const codePoint = text.codePointAt(position) ?? 0;
    if (codePoint === TAG_CANCEL) return tags >= 2 ? position + 2 - index : 0;
    if (!isFlagTag(codePoint)) return 0;
    tags++;
    position += 2;
  }
  return 0;
}
