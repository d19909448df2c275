import type { Random } from "./synthetic/random.js";

/** One text to learn from, before windowing. */
export interface LabeledText {
  readonly text: string;
  readonly label: 0 | 1;
  /** the weighting group: a source/subset or a synthetic family */
  readonly group: string;
  /** where the attack is, when the text is a long benign carrier around it */
  readonly span?: readonly [number, number];
  /** extra multiplier on top of the group weighting */
  readonly weight?: number;
}

/** One window of a text with its label and weight: what the trainer sees. */
export interface TrainingWindow {
  readonly text: string;
  readonly label: 0 | 1;
  readonly group: string;
  weight: number;
}

/**
 * Cuts texts into windows the way the detector scans them. Short texts stay whole. A long
 * positive with a known span gives the window around the span; a long positive without one (a
 * jailbreak template) gives its first window and a few others; a long negative gives a few windows.
 */
export function toWindows(items: readonly LabeledText[], size: number, random: Random): TrainingWindow[] {
  const windows: TrainingWindow[] = [];
  for (const item of items) {
    const weight = item.weight ?? 1;
    const { text } = item;
    if (text.length <= size) {
      windows.push({ text, label: item.label, group: item.group, weight });
      continue;
    }
    if (item.label === 1 && item.span) {
      const center = Math.floor((item.span[0] + item.span[1]) / 2);
      const jitter = random.integer(-size / 4, size / 4);
      const start = Math.max(0, Math.min(text.length - size, center - size / 2 + jitter));
      windows.push({ text: text.slice(start, start + size), label: 1, group: item.group, weight });
      continue;
    }
    const starts = new Set<number>([0]);
    const extra = Math.min(3, Math.floor(text.length / size));
    for (let index = 0; index < extra; index += 1) starts.add(random.integer(0, text.length - size));
    for (const start of starts) {
      windows.push({
        text: text.slice(start, start + size),
        label: item.label,
        group: item.group,
        weight: weight / starts.size ** 0.5,
      });
    }
  }
  return windows;
}

/**
 * Balances the weights: each group's total grows with the square root of its size (so one large
 * source does not drown the rest), then positives and negatives get equal total weight.
 */
export function balanceWeights(windows: TrainingWindow[]): void {
  const counts = new Map<string, number>();
  for (const window of windows) counts.set(window.group, (counts.get(window.group) ?? 0) + 1);
  for (const window of windows) window.weight *= 1 / Math.sqrt(counts.get(window.group) ?? 1);
  const totals = [0, 0];
  for (const window of windows) totals[window.label] = (totals[window.label] ?? 0) + window.weight;
  const target = windows.length / 2;
  for (const window of windows) window.weight *= target / (totals[window.label] || 1);
}
