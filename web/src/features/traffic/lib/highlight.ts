/** A detector span: offsets in UTF-16 code units (as JavaScript strings index them), end exclusive. */
export interface Span {
  start: number;
  end: number;
  /** what found it, e.g. "prompt-injection (injection-heuristic)" */
  label: string;
}

export interface TextSegment {
  text: string;
  /** the labels of every span covering this text; empty for plain text */
  labels: string[];
}

export interface Highlighted {
  segments: TextSegment[];
  /** spans that do not fit the text (they point past its end, or are empty or reversed) */
  outside: Span[];
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset that falls between the two halves of a surrogate pair outward, so no half is cut off. */
function snap(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  if (isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))) return offset + direction;
  return offset;
}

/**
 * Cuts text into segments at span boundaries so a component can draw plain text nodes and `<mark>`
 * elements (never HTML from the text). Offsets are UTF-16 code units, the unit of the audit API
 * (`spanUnit: "utf16-code-unit"`), so `String.prototype.slice` cuts at them directly: an emoji before
 * a span counts as two units. A boundary inside a surrogate pair widens the span to the whole
 * character. Overlapping spans split into segments that carry every covering label.
 */
export function highlightSpans(text: string, spans: readonly Span[]): Highlighted {
  const inside: { start: number; end: number; label: string }[] = [];
  const outside: Span[] = [];
  for (const span of spans) {
    if (
      !Number.isInteger(span.start) ||
      !Number.isInteger(span.end) ||
      span.start < 0 ||
      span.end <= span.start ||
      span.end > text.length
    ) {
      outside.push(span);
      continue;
    }
    inside.push({ start: snap(text, span.start, -1), end: snap(text, span.end, 1), label: span.label });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const span of inside) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    const labels = inside.filter((span) => span.start <= start && span.end >= end).map((span) => span.label);
    const previous = segments.at(-1);
    // neighbouring plain pieces (or pieces with the same labels) join into one text node
    if (previous && previous.labels.join("\n") === labels.join("\n")) previous.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), labels: [...new Set(labels)] });
  }
  return { segments, outside };
}
