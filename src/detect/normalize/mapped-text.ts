import type { TextView } from "../detector.js";

/**
 * A text produced from another text by a pass, with a map back to the ORIGINAL text. A pass
 * records pieces: copies (unit for unit) and replacements (a piece of output that stands for
 * a span of input). Maps are stored per piece, not per character, so a pass that changes
 * little costs little; spans map back through each pass in turn (binary search per pass).
 */
export interface MappedText {
  readonly text: string;
  /** maps a span of `text` to the original text (UTF-16 offsets, end exclusive) */
  toOriginal(start: number, end: number): readonly [number, number];
}

function clampSpan(start: number, end: number, length: number): [number, number] {
  const from = Number.isFinite(start) ? Math.min(Math.max(Math.trunc(start), 0), length) : 0;
  const to = Number.isFinite(end) ? Math.min(Math.max(Math.trunc(end), from), length) : from;
  return [from, to];
}

/** The identity map: the original text itself. */
export function identityMapped(text: string): MappedText {
  return { text, toOriginal: (start, end) => clampSpan(start, end, text.length) };
}

/**
 * Builds the output of one pass over an input mapped text. Pieces are appended left to right
 * with the input span they come from; input units never appended are dropped (invisible text).
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly outStarts: number[] = [];
  private readonly inStarts: number[] = [];
  private readonly inEnds: number[] = [];
  private readonly copies: boolean[] = [];
  private length = 0;

  constructor(private readonly input: MappedText) {}

  /** copies input units [from, to) unchanged */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.input.text.slice(from, to));
    const last = this.copies.length - 1;
    if (last >= 0 && this.copies[last] === true && this.inEnds[last] === from) {
      this.inEnds[last] = to;
    } else this.push(from, to, true);
    this.length += to - from;
  }

  /** appends `piece`, which replaces input units [from, to) */
  append(piece: string, from: number, to: number): void {
    if (piece.length === 0) return;
    this.parts.push(piece);
    this.push(from, to, false);
    this.length += piece.length;
  }

  private push(from: number, to: number, copy: boolean): void {
    this.outStarts.push(this.length);
    this.inStarts.push(from);
    this.inEnds.push(to);
    this.copies.push(copy);
  }

  build(): MappedText {
    const text = this.parts.join("");
    const { outStarts, inStarts, inEnds, copies, input } = this;
    const pieceAt = (position: number): number => {
      let low = 0;
      let high = outStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((outStarts[middle] ?? 0) <= position) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    const inputStart = (position: number): number => {
      if (outStarts.length === 0) return 0;
      if (position >= text.length) return inEnds[outStarts.length - 1] ?? 0;
      const piece = pieceAt(position);
      const offset = position - (outStarts[piece] ?? 0);
      return (inStarts[piece] ?? 0) + (copies[piece] === true ? offset : 0);
    };
    const inputEnd = (position: number): number => {
      const piece = pieceAt(position - 1);
      const offset = position - (outStarts[piece] ?? 0);
      return copies[piece] === true ? (inStarts[piece] ?? 0) + offset : (inEnds[piece] ?? 0);
    };
    return {
      text,
      toOriginal: (start, end) => {
        const [from, to] = clampSpan(start, end, text.length);
        const inFrom = inputStart(from);
        const inTo = to > from ? Math.max(inFrom, inputEnd(to)) : inFrom;
        return input.toOriginal(inFrom, inTo);
      },
    };
  }
}

/** A TextView over a mapped text. */
export function mappedView(kind: TextView["kind"], via: string, mapped: MappedText): TextView {
  return { kind, via, text: mapped.text, toOriginal: mapped.toOriginal };
}

/** A view whose every span maps to one fixed original span (a decoded segment). */
export function segmentView(via: string, text: string, origin: readonly [number, number]): TextView {
  return { kind: "decoded", via, text, toOriginal: () => origin };
}
