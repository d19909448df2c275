import type { TextView } from "../detector.js";

/**
 * Text with an offset map back to the original: for every UTF-16 unit of `text`, the original
 * span that produced it. Spans are monotonic (passes read left to right), so a span of the
 * mapped text maps to [start of its first unit, end of its last unit] in the original.
 */
export interface MappedText {
  readonly text: string;
  /** original start offset of each unit of `text`; absent for the identity map */
  readonly starts?: readonly number[];
  /** original end offset (exclusive) of each unit of `text`; absent for the identity map */
  readonly ends?: readonly number[];
  /** original offset that an empty mapped text, or a span at its very end, maps to */
  readonly originEnd: number;
}

/** The identity map over a text: every unit maps to itself (no arrays are allocated). */
export function identityMapped(text: string): MappedText {
  return { text, originEnd: text.length };
}

/** original start of unit `index` of a mapped text */
export function unitStart(mapped: MappedText, index: number): number {
  if (mapped.starts === undefined) return Math.min(index, mapped.originEnd);
  return mapped.starts[index] ?? mapped.originEnd;
}

/** original end of unit `index` of a mapped text */
export function unitEnd(mapped: MappedText, index: number): number {
  if (mapped.ends === undefined) return Math.min(index + 1, mapped.originEnd);
  return mapped.ends[index] ?? mapped.originEnd;
}

/**
 * Builds a mapped text piece by piece. Each piece carries the span of the INPUT mapped text it
 * came from; the builder composes it with the input's map so the result points at the original.
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly input: MappedText) {}

  /** appends `piece`, produced from input units [from, to) */
  append(piece: string, from: number, to: number): void {
    if (piece.length === 0) return;
    const start = unitStart(this.input, from);
    const end = to > from ? unitEnd(this.input, to - 1) : start;
    this.parts.push(piece);
    for (let index = 0; index < piece.length; index++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** copies input units [from, to) unchanged */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.input.text.slice(from, to));
    for (let index = from; index < to; index++) {
      this.starts.push(unitStart(this.input, index));
      this.ends.push(unitEnd(this.input, index));
    }
  }

  build(): MappedText {
    return {
      text: this.parts.join(""),
      starts: this.starts,
      ends: this.ends,
      originEnd: this.input.originEnd,
    };
  }
}

/** Maps a span of a mapped text to the original; spans are clamped to the text first. */
export function mapSpan(mapped: MappedText, start: number, end: number): readonly [number, number] {
  const length = mapped.text.length;
  const from = clamp(Math.trunc(start), 0, length);
  const to = clamp(Math.trunc(end), from, length);
  const originalStart = from < length ? unitStart(mapped, from) : endOfLast(mapped);
  if (to === from) return [originalStart, originalStart];
  const originalEnd = unitEnd(mapped, to - 1);
  return [originalStart, Math.max(originalStart, originalEnd)];
}

function endOfLast(mapped: MappedText): number {
  const length = mapped.text.length;
  return length > 0 ? unitEnd(mapped, length - 1) : mapped.originEnd;
}

function clamp(value: number, low: number, high: number): number {
  if (Number.isNaN(value)) return low;
  return value < low ? low : value > high ? high : value;
}

/** A TextView over a mapped text. */
export function mappedView(kind: TextView["kind"], via: string, mapped: MappedText): TextView {
  return {
    kind,
    via,
    text: mapped.text,
    toOriginal: (start, end) => mapSpan(mapped, start, end),
  };
}

/** A view whose every span maps to one fixed original span (a decoded segment). */
export function segmentView(via: string, text: string, origin: readonly [number, number]): TextView {
  return { kind: "decoded", via, text, toOriginal: () => origin };
}
