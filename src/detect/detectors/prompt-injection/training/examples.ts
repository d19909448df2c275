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

function slice(item: LabeledText, start: number, size: number, weight: number): TrainingWindow {
  return { text: item.text.slice(start, start + size), label: item.label, group: item.group, weight };
}

/** A window of `size` around the span (with some jitter), or undefined when the span does not fit. */
function aroundSpan(item: LabeledText, size: number, random: Random): number | undefined {
  if (!item.span || item.span[1] - item.span[0] > size) return undefined;
  const center = Math.floor((item.span[0] + item.span[1]) / 2);
  const room = Math.max(0, size - (item.span[1] - item.span[0]));
  const jitter = random.integer(-Math.floor(room / 2), Math.floor(room / 2));
  return Math.max(0, Math.min(item.text.length - size, center - Math.floor(size / 2) + jitter));
}

/**
 * Cuts texts into windows the way the detector scans them, at each scale. A text that fits a
 * window stays whole. A long positive with a known span gives the window around the span; a long
 * positive without one (a jailbreak template) gives its first window and a few others; a long
 * negative gives a few windows. Small-scale windows are added the same way, so the model is
 * calibrated on the short windows that it scans too.
 */
export function toWindows(
  items: readonly LabeledText[],
  sizes: readonly number[],
  random: Random,
): TrainingWindow[] {
  const windows: TrainingWindow[] = [];
  const [largest = 1024, ...smaller] = sizes;
  for (const item of items) {
    const weight = item.weight ?? 1;
    const { text } = item;
    if (text.length <= largest) windows.push({ text, label: item.label, group: item.group, weight });
    else if (item.label === 1 && item.span) {
      windows.push(slice(item, aroundSpan(item, largest, random) ?? item.span[0], largest, weight));
    } else {
      const starts = new Set<number>([0]);
      const extra = Math.min(3, Math.floor(text.length / largest));
      for (let index = 0; index < extra; index += 1) starts.add(random.integer(0, text.length - largest));
      for (const start of starts) windows.push(slice(item, start, largest, weight / starts.size ** 0.5));
    }
    for (const size of smaller) {
      if (text.length <= size) continue;
      if (item.label === 1 && item.span) {
        const start = aroundSpan(item, size, random);
        if (start !== undefined) windows.push(slice(item, start, size, weight));
      } else {
        // fragments of long jailbreak templates are weaker evidence than the whole
        const share = item.label === 1 ? 0.5 : 1;
        for (let index = 0; index < 2; index += 1) {
          windows.push(slice(item, random.integer(0, text.length - size), size, (weight * share) / 2 ** 0.5));
        }
      }
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
