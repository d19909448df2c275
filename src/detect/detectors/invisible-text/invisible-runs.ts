import {
  BIDI_CONTROL_CODE_POINTS,
  isEmojiPart,
  isTagCharacter,
  isVariationSelector,
  subdivisionFlagTagLength,
  ZERO_WIDTH_CODE_POINTS,
  ZERO_WIDTH_JOINER,
} from "../../normalize/characters.js";

export type InvisibleKind = "tag" | "zero-width" | "bidi" | "selector";

/** A run of adjacent invisible characters of one kind, in original UTF-16 offsets. */
export interface InvisibleRun {
  readonly kind: InvisibleKind;
  readonly start: number;
  readonly end: number;
  readonly codePoints: readonly number[];
}

/**
 * Candidate invisible characters: zero-width and bidi controls, variation selectors, tag
 * characters and supplementary selectors (surrogate pairs starting U+DB40). A character class
 * alternation without quantifiers: linear.
 */
const INVISIBLE_CANDIDATE_PATTERN =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are matched one unit at a time on purpose
  /\u034f|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f\udd00-\uddef]/g;

function kindOf(codePoint: number): InvisibleKind | undefined {
  if (isTagCharacter(codePoint)) return "tag";
  if (isVariationSelector(codePoint)) return "selector";
  if (BIDI_CONTROL_CODE_POINTS.has(codePoint)) return "bidi";
  if (ZERO_WIDTH_CODE_POINTS.has(codePoint)) return "zero-width";
  return undefined;
}

/**
 * Groups the invisible characters of a text into runs of one kind. Left out as ordinary: a byte
 * order mark at offset 0, a joiner between two emoji (family and profession sequences), the tags
 * of a subdivision flag (England, Scotland, Wales) and a single selector after a character
 * (emoji presentation, keycaps).
 */
export function invisibleRuns(text: string): InvisibleRun[] {
  const runs: InvisibleRun[] = [];
  let current: { kind: InvisibleKind; start: number; end: number; codePoints: number[] } | undefined;
  let skipUntil = 0;
  for (const match of text.matchAll(INVISIBLE_CANDIDATE_PATTERN)) {
    const index = match.index;
    if (index < skipUntil) continue;
    const codePoint = match[0].codePointAt(0) ?? 0;
    const kind = kindOf(codePoint);
    if (kind === undefined) continue;
    if (kind === "tag") {
      const flagLength = subdivisionFlagTagLength(text, index);
      if (flagLength > 0) {
        skipUntil = index + flagLength;
        continue;
      }
    }
    if (isOrdinary(text, index, codePoint)) continue;
    if (current !== undefined && current.kind === kind && current.end === index) {
      current.end = index + match[0].length;
      current.codePoints.push(codePoint);
      continue;
    }
    if (current !== undefined) runs.push(current);
    current = { kind, start: index, end: index + match[0].length, codePoints: [codePoint] };
  }
  if (current !== undefined) runs.push(current);
  return runs;
}

function isOrdinary(text: string, index: number, codePoint: number): boolean {
  if (codePoint === 0xfeff && index === 0) return true;
  if (codePoint === ZERO_WIDTH_JOINER)
    return isEmojiPart(emojiBefore(text, index)) && isEmojiPart(text.codePointAt(index + 1) ?? 0);
  return false;
}

/** The code point before a joiner, looking past one variation selector ("❤️‍🔥"). */
function emojiBefore(text: string, index: number): number {
  let position = index - 1;
  if (position >= 0 && isVariationSelector(text.charCodeAt(position))) position--;
  if (position < 0) return 0;
  const unit = text.charCodeAt(position);
  if (unit >= 0xdc00 && unit <= 0xdfff && position > 0) return text.codePointAt(position - 1) ?? 0;
  return text.codePointAt(position) ?? 0;
}
