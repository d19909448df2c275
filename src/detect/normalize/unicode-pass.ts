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
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at U+0000
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
 * Any character this pass removes: zero-width and bidi controls, variation selectors, and tag
 * characters (a high surrogate U+DB40 followed by U+DC00-U+DC7F) and supplementary selectors
 * (U+DB40 U+DD00-U+DDEF). A plain character class: linear.
 */
const INVISIBLE_PATTERN =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are matched one unit at a time on purpose
  /\u034f|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f\udd00-\uddef]/;
/** A run of non-ASCII units: the only places where this pass has work. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at U+0000
const NON_ASCII_RUN_PATTERN = /[^\x00-\x7f]+/g;

interface PassState {
  readonly text: string;
  readonly builder: MappedTextBuilder;
  readonly tags: MappedTextBuilder;
  readonly selectorRuns: SelectorRun[];
  zeroWidthCount: number;
  bidiControlCount: number;
  tagCharacterCount: number;
  copyStart: number;
}

/**
 * One left-to-right pass over the original text: NFKC per starter-plus-marks cluster, invisible
 * characters removed and counted, hidden tag text decoded. Linear in the length of the text;
 * ASCII text and NFKC-stable text without invisible characters return at once.
 */
export function unicodePass(text: string): UnicodePassResult {
  const original = identityMapped(text);
  if (ASCII_ONLY_PATTERN.test(text) || (!INVISIBLE_PATTERN.test(text) && text.normalize("NFKC") === text)) {
    return {
      normalized: original,
      tagText: identityMapped(""),
      zeroWidthCount: 0,
      bidiControlCount: 0,
      tagCharacterCount: 0,
      selectorRuns: [],
    };
  }
  const state: PassState = {
    text,
    builder: new MappedTextBuilder(original),
    tags: new MappedTextBuilder(original),
    selectorRuns: [],
    zeroWidthCount: 0,
    bidiControlCount: 0,
    tagCharacterCount: 0,
    copyStart: 0,
  };
  for (const match of text.matchAll(NON_ASCII_RUN_PATTERN)) {
    const runStart = match.index;
    const run = match[0];
    const before = runStart > 0 ? text.slice(runStart - 1, runStart) : "";
    if (!INVISIBLE_PATTERN.test(run) && (before + run).normalize("NFKC") === before + run) continue;
    processRun(state, runStart, runStart + run.length);
  }
  state.builder.copy(state.copyStart, text.length);
  return {
    normalized: state.builder.build(),
    tagText: state.tags.build(),
    zeroWidthCount: state.zeroWidthCount,
    bidiControlCount: state.bidiControlCount,
    tagCharacterCount: state.tagCharacterCount,
    selectorRuns: state.selectorRuns,
  };
}

function processRun(state: PassState, runStart: number, runEnd: number): void {
  const { text, builder } = state;
  let index = runStart;
  let previousCodePoint = -1;
  while (index < runEnd) {
    const codePoint = text.codePointAt(index) ?? 0;
    const size = codePoint > 0xffff ? 2 : 1;
    if (isInvisible(codePoint)) {
      builder.copy(state.copyStart, index);
      index = removeInvisible(state, index, codePoint, previousCodePoint);
      state.copyStart = index;
      continue;
    }
    let clusterStart = index;
    if (index === runStart && index > 0 && index - 1 >= state.copyStart && isCombiningMark(codePoint)) {
      clusterStart = index - 1;
    }
    let clusterEnd = index + size;
    while (clusterEnd < runEnd) {
      const next = text.codePointAt(clusterEnd) ?? 0;
      if (!isCombiningMark(next)) break;
      clusterEnd += next > 0xffff ? 2 : 1;
    }
    const cluster = text.slice(clusterStart, clusterEnd);
    const folded = isLoneSurrogate(codePoint) ? cluster : cluster.normalize("NFKC");
    if (folded !== cluster) {
      builder.copy(state.copyStart, clusterStart);
      builder.append(folded, clusterStart, clusterEnd);
      state.copyStart = clusterEnd;
    }
    previousCodePoint = codePoint;
    index = clusterEnd;
  }
}

/** Counts and drops one invisible character (or a run of selectors, or a flag's tags); returns the next index. */
function removeInvisible(
  state: PassState,
  index: number,
  codePoint: number,
  previousCodePoint: number,
): number {
  const { text } = state;
  const size = codePoint > 0xffff ? 2 : 1;
  if (isTagCharacter(codePoint)) {
    const flagLength = subdivisionFlagTagLength(text, index);
    if (flagLength > 0) return index + flagLength;
    state.tagCharacterCount++;
    state.tags.append(tagToAscii(codePoint), index, index + size);
    return index + size;
  }
  if (isVariationSelector(codePoint)) {
    const end = selectorRunEnd(text, index);
    const run = selectorRun(text, index, end);
    if (run.bytes.length >= MIN_SELECTOR_RUN) state.selectorRuns.push(run);
    return end;
  }
  if (BIDI_CONTROL_CODE_POINTS.has(codePoint)) state.bidiControlCount++;
  else if (ZERO_WIDTH_CODE_POINTS.has(codePoint) && !isOrdinaryZeroWidth(text, index, previousCodePoint))
    state.zeroWidthCount++;
  return index + size;
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
