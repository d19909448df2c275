import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format";

/** "26–50 of 120" with previous and next. */
export function FindingsPager({
  offset,
  limit,
  total,
  onOffset,
}: {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  if (total <= limit) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label="Findings pages" className="flex items-center justify-end gap-2 text-sm">
      <span>
        {formatCount(offset + 1)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <Button
        variant="outline"
        size="sm"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - limit))}
      >
        Previous
      </Button>
      <Button variant="outline" size="sm" disabled={last >= total} onClick={() => onOffset(offset + limit)}>
        Next
      </Button>
    </nav>
  );
}
