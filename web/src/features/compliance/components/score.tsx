/** A 0..100 compliance score as text with a meter. */
export function Score({ score, label }: { score: number; label: string }) {
  return (
    <span className="flex min-w-24 flex-col gap-1">
      <span className="text-base font-semibold tabular-nums">{score.toFixed(1)}%</span>
      <meter
        min={0}
        max={100}
        low={50}
        high={80}
        optimum={100}
        value={score}
        aria-label={`${label}: score ${score.toFixed(1)} of 100`}
        className="h-2 w-full"
      />
    </span>
  );
}
