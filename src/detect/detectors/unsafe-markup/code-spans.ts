/** A fence line: three or more backticks or tildes at the start of a line (up to 3 spaces indent). */
export const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
/** An inline code span: a run of backticks, text without newlines-pairs, the same run. Bounded. */
export const INLINE_CODE = /(`{1,3})[^`\n]{1,2000}?\1/g;

/**
 * Ranges of Markdown code (fenced blocks and inline spans), where a renderer shows markup as text
 * instead of interpreting it. Sorted, non-overlapping, UTF-16 offsets. Linear in the text length.
 */
export function codeRanges(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  let position = 0;
  let openFence: { marker: string; start: number } | undefined;
  let proseStart = 0;
  while (position <= text.length) {
    const newline = text.indexOf("\n", position);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(position, Math.min(lineEnd, position + 400));
    const fence = FENCE_LINE.exec(line);
    if (openFence === undefined && fence?.[1] !== undefined) {
      addInline(text, proseStart, position, ranges);
      openFence = { marker: fence[1], start: position };
    } else if (
      openFence !== undefined &&
      fence?.[1] !== undefined &&
      fence[1][0] === openFence.marker[0] &&
      fence[1].length >= openFence.marker.length &&
      line.trim() === fence[1]
    ) {
      ranges.push([openFence.start, lineEnd]);
      openFence = undefined;
      proseStart = lineEnd;
    }
    if (newline < 0) break;
    position = newline + 1;
  }
  if (openFence !== undefined) ranges.push([openFence.start, text.length]);
  else addInline(text, proseStart, text.length, ranges);
  return ranges;
}

function addInline(text: string, from: number, to: number, ranges: Array<readonly [number, number]>): void {
  if (to <= from) return;
  const prose = text.slice(from, to);
  INLINE_CODE.lastIndex = 0;
  for (let match = INLINE_CODE.exec(prose); match !== null; match = INLINE_CODE.exec(prose)) {
    ranges.push([from + match.index, from + match.index + match[0].length]);
  }
}

/** True when [start, end) lies inside one of the sorted ranges (binary search). */
export function insideRanges(
  ranges: ReadonlyArray<readonly [number, number]>,
  start: number,
  end: number,
): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (range === undefined) return false;
    if (range[1] <= start) low = middle + 1;
    else if (range[0] > start) high = middle - 1;
    else return end <= range[1];
  }
  return false;
}
