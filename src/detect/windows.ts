/**
 * Long inputs are scanned in overlapping windows so that no detector sees more than a bounded
 * text and nothing is truncated. A finding up to WINDOW_OVERLAP characters long that straddles a
 * boundary lies whole inside the next window.
 */
export const WINDOW_CHARS = 16_384;
export const WINDOW_OVERLAP = 1_024;

export interface TextWindow {
  readonly start: number;
  readonly end: number;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Window boundaries never split a surrogate pair. Texts up to `size` are one window. */
export function textWindows(
  length: number,
  text: string,
  size = WINDOW_CHARS,
  overlap = WINDOW_OVERLAP,
): TextWindow[] {
  if (size <= overlap) throw new RangeError("window size must exceed the overlap");
  if (length <= size) return [{ start: 0, end: length }];
  const windows: TextWindow[] = [];
  let start = 0;
  while (start < length) {
    let end = Math.min(start + size, length);
    if (end < length && isLowSurrogate(text.charCodeAt(end))) end--;
    windows.push({ start, end });
    if (end >= length) break;
    let next = end - overlap;
    if (isLowSurrogate(text.charCodeAt(next))) next--;
    start = next > start ? next : end;
  }
  return windows;
}
