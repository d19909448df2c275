/** z for a two-sided 95% interval */
const Z_95 = 1.959964;

/**
 * The Wilson score interval for a binomial proportion (successes out of trials), 95%. Better than
 * the normal approximation for small samples and rates near 0 or 1. No trials: [0, 1].
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  if (trials <= 0) return [0, 1];
  const rate = successes / trials;
  const zSquared = Z_95 * Z_95;
  const denominator = 1 + zSquared / trials;
  const centre = (rate + zSquared / (2 * trials)) / denominator;
  const half =
    (Z_95 * Math.sqrt((rate * (1 - rate)) / trials + zSquared / (4 * trials * trials))) / denominator;
  return [round(Math.max(0, centre - half)), round(Math.min(1, centre + half))];
}

/** Rates are written with 4 decimals so that reports compare byte for byte. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
