/**
 * Keeps the best candidate where spans overlap: higher score first, then the longer span, then the
 * earlier one. Kept spans are held sorted by start, so each check is a binary search.
 */
export function resolveOverlaps<
  Span extends { readonly start: number; readonly end: number; readonly score: number },
>(candidates: readonly Span[]): Span[] {
  const ordered = [...candidates].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Span[] = [];
  for (const candidate of ordered) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((kept[middle]?.start ?? 0) < candidate.start) low = middle + 1;
      else high = middle;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if (before && before.end > candidate.start) continue;
    if (after && after.start < candidate.end) continue;
    kept.splice(low, 0, candidate);
  }
  return kept;
}
