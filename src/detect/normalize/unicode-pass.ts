import {
  BIDI_CONTROL_CODE_POINTS,
  isEmojiPart,
  isInvisible,
  isTagCharacter,
  isVariationSelector,
  subdivisionFlagTagLength,
  tagToAscii,
  variationSelectorByte,
  ZERO_WIDTH_CODE_POINTS,
  ZERO_WIDTH_JOINER,
} from "./characters.js";
import { identityMapped, type MappedText, MappedTextBuilder } from "./mapped-text.js";

/** A run of variation selectors that encodes bytes (more than one selector in a row). */
export interface SelectorRun {
  readonly start: number;
  readonly end: number;
  readonly bytes: Uint8Array;
}

export interface UnicodePassResult {
  /** NFKC of the text with zero-width, bidi, tag and variation-selector characters removed */
  readonly normalized: MappedText;
  /** the ASCII mirrored by hidden tag characters, each unit mapped to its tag character */
  readonly tagText: MappedText;
  readonly zeroWidthCount: number;
  readonly bidiControlCount: number;
  readonly tagCharacterCount: number;
  readonly selectorRuns: readonly SelectorRun[];
}

/** Only ASCII: nothing for this pass to do. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const ASCII_ONLY_PATTERN = /^[\x00-\x7f]*$/;
/** A combining mark (it composes with the character before it under NFKC). */
const COMBINING_MARK_PATTERN = /^\p{M}$/u;

function isCombiningMark(codePoint: number): boolean {
  return codePoint >= 0x300 && COMBINING_MARK_PATTERN.test(String.fromCodePoint(codePoint));
}

/** Selectors in a row that count as encoded bytes: one selector after an emoji is ordinary. */
export const MIN_SELECTOR_RUN = 2;

/** U+FEFF at offset 0 is an ordinary byte order mark, not hidden content. */
const BYTE_ORDER_MARK = 0xfeff;

/**
 * One left-to-right pass over the original text: NFKC per starter-plus-marks cluster, invisible
 * characters removed and counted, hidden tag text decoded. Linear in the length of the text.
 */
export function unicodePass(text: string): UnicodePassResult {
  const original = identityMapped(text);
  if (ASCII_ONLY_PATTERN.test(text)) {
    return {
      normalized: original,
      tagText: identityMapped(""),
      zeroWidthCount: 0,
      bidiControlCount: 0,
      tagCharacterCount: 0,
      selectorRuns: [],
    };
  }
  const builder = new MappedTextBuilder(original);
  const tags = new MappedTextBuilder(original);
  const selectorRuns: SelectorRun[] = [];
  let zeroWidthCount = 0;
  let bidiControlCount = 0;
  let tagCharacterCount = 0;
  let copyStart = 0;
  let index = 0;
  let previousCodePoint = -1;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      previousCodePoint = unit;
      index++;
      continue;
    }
    const codePoint = text.codePointAt(index) ?? unit;
    const size = codePoint > 0xffff ? 2 : 1;
    if (isInvisible(codePoint)) {
      builder.copy(copyStart, index);
      if (isTagCharacter(codePoint)) {
        const flagLength = subdivisionFlagTagLength(text, index);
        if (flagLength > 0) {
          index += flagLength;
          copyStart = index;
          continue;
        }
        tagCharacterCount++;
        tags.append(tagToAscii(codePoint), index, index + size);
      } else if (isVariationSelector(codePoint)) {
        const end = selectorRunEnd(text, index);
        const run = selectorRun(text, index, end);
        if (run.bytes.length >= MIN_SELECTOR_RUN) selectorRuns.push(run);
        index = end;
        copyStart = index;
        continue;
      } else if (BIDI_CONTROL_CODE_POINTS.has(codePoint)) bidiControlCount++;
      else if (ZERO_WIDTH_CODE_POINTS.has(codePoint) && !isOrdinaryZeroWidth(text, index, previousCodePoint))
        zeroWidthCount++;
      index += size;
      copyStart = index;
      continue;
    }
    let clusterStart = index;
    if (isCombiningMark(codePoint) && index - 1 >= copyStart && text.charCodeAt(index - 1) < 0x80) {
      clusterStart = index - 1;
    }
    let clusterEnd = index + size;
    while (clusterEnd < text.length) {
      const next = text.codePointAt(clusterEnd) ?? 0;
      if (!isCombiningMark(next)) break;
      clusterEnd += next > 0xffff ? 2 : 1;
    }
    const cluster = text.slice(clusterStart, clusterEnd);
    const folded = isLoneSurrogate(codePoint) ? cluster : cluster.normalize("NFKC");
    if (folded !== cluster) {
      builder.copy(copyStart, clusterStart);
      builder.append(folded, clusterStart, clusterEnd);
      copyStart = clusterEnd;
    }
    previousCodePoint = codePoint;
    index = clusterEnd;
  }
  builder.copy(copyStart, text.length);
  return {
    normalized: builder.build(),
    tagText: tags.build(),
    zeroWidthCount,
    bidiControlCount,
    tagCharacterCount,
    selectorRuns,
  };
}

function isLoneSurrogate(codePoint: number): boolean {
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}

/** A leading byte order mark, or a joiner between two emoji (family, profession sequences). */
function isOrdinaryZeroWidth(text: string, index: number, previousCodePoint: number): boolean {
  const codePoint = text.charCodeAt(index);
  if (codePoint === BYTE_ORDER_MARK && index === 0) return true;
  if (codePoint !== ZERO_WIDTH_JOINER) return false;
  // variation selectors are skipped without updating previousCodePoint, so "emoji VS16 ZWJ" works
  const next = text.codePointAt(index + 1) ?? 0;
  return isEmojiPart(previousCodePoint) && isEmojiPart(next);
}

function selectorRunEnd(text: string, index: number): number {
  let position = index;
  while (position < text.length) {
    const codePoint = text.codePointAt(position) ?? 0;
    if (!isVariationSelector(codePoint)) break;
    position += codePoint > 0xffff ? 2 : 1;
  }
  return position;
}

function selectorRun(text: string, start: number, end: number): SelectorRun {
  const bytes: number[] = [];
  for (let position = start; position < end; ) {
    const codePoint = text.codePointAt(position) ?? 0;
    bytes.push(variationSelectorByte(codePoint));
    position += codePoint > 0xffff ? 2 : 1;
  }
  return { start, end, bytes: Uint8Array.from(bytes) };
}
