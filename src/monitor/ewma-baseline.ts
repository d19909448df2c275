/**
 * An exponentially weighted mean and variance (West's incremental form). `score(x)` is the z-score
 * of x against what was seen so far; the spread has a floor of 1 so that a flat history of zeros
 * does not turn a single request into an infinite score.
 */
export class EwmaBaseline {
  private mean = 0;
  private variance = 0;
  samples = 0;

  constructor(private readonly alpha: number) {}

  update(value: number): void {
    if (this.samples === 0) {
      this.mean = value;
    } else {
      const difference = value - this.mean;
      const increment = this.alpha * difference;
      this.mean += increment;
      this.variance = (1 - this.alpha) * (this.variance + difference * increment);
    }
    this.samples += 1;
  }

  score(value: number): number {
    return (value - this.mean) / Math.max(1, Math.sqrt(this.variance));
  }

  get average(): number {
    return this.mean;
  }
}
