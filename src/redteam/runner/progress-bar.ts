/** Bar width in characters. */
const WIDTH = 30;

/** A one-line progress bar with rate and ETA, redrawn with a carriage return (for terminals only). */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * WIDTH);
  const perCase = done === 0 ? 0 : elapsedMs / done;
  const remaining = Math.round(((total - done) * perCase) / 1000);
  const eta =
    done === 0
      ? "--"
      : remaining >= 60
        ? `${Math.floor(remaining / 60)}m${remaining % 60}s`
        : `${remaining}s`;
  return `\r[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} ETA ${eta} `;
}
