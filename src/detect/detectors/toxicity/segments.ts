/** Sentence ends: . ! ? and newlines, followed by space or end. */
export const SENTENCE_END = /[.!?。！？]+(?=\s|$)|\n+/g;

/**
 * Splits a text into segments of at most `maxChars` (the learned model was trained on tweets, so
 * long texts are scored piece by piece). Sentences are kept whole when they fit. Linear.
 */
export function segmentText(text: string, maxChars: number): Array<readonly [number, number]> {
  const boundaries: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    boundaries.push(match.index + match[0].length);
  }
  boundaries.push(text.length);
  const segments: Array<readonly [number, number]> = [];
  let start = 0;
  let lastBoundary = 0;
  for (const boundary of boundaries) {
    if (boundary - start > maxChars) {
      if (lastBoundary > start) {
        segments.push([start, lastBoundary]);
        start = lastBoundary;
      }
      while (boundary - start > maxChars) {
        segments.push([start, start + maxChars]);
        start += maxChars;
      }
    }
    lastBoundary = boundary;
  }
  if (text.length > start) segments.push([start, text.length]);
  return segments.filter(([from, to]) => text.slice(from, to).trim().length > 0);
}
