import type { RedteamDiff, RedteamRunSummary } from "@core/api/redteam";
import { formatPercent } from "@/lib/format";

export interface DiffSummary {
  /** "21.7% → 0.0%" */
  asrChange: string;
  /** "−21.7 points" */
  delta: string;
  direction: "worse" | "better" | "unchanged";
  /** one sentence: what changed */
  headline: string;
}

function points(value: number): string {
  const rounded = Math.round(value * 1000) / 10;
  if (rounded === 0) return "±0.0 points";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(1)} points`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How the head run compares with the base: the ASR change, its direction, and the case counts. */
export function summariseDiff(diff: RedteamDiff): DiffSummary {
  const change = diff.asrAfter - diff.asrBefore;
  const rounded = Math.round(change * 1000);
  const direction = rounded > 0 ? "worse" : rounded < 0 ? "better" : "unchanged";
  const parts = [
    plural(
      diff.regressions.length,
      "regression (an attack that now works)",
      "regressions (attacks that now work)",
    ),
    plural(diff.fixes.length, "fix (an attack that stopped working)", "fixes (attacks that stopped working)"),
  ];
  if (diff.added > 0) parts.push(`${plural(diff.added, "case", "cases")} only in the head run`);
  if (diff.removed > 0) parts.push(`${plural(diff.removed, "case", "cases")} only in the base run`);
  return {
    asrChange: `${formatPercent(diff.asrBefore)} → ${formatPercent(diff.asrAfter)}`,
    delta: points(change),
    direction,
    headline: `${parts.join(", ")}.`,
  };
}

type Compared = Pick<RedteamRunSummary, "targetId" | "target" | "model" | "seed">;

/** Why two runs may not compare case by case: a different seed, target or model. */
export function comparabilityNotes(base: Compared, head: Compared): string[] {
  const notes: string[] = [];
  if (base.seed !== head.seed)
    notes.push(`The runs used different seeds (${base.seed} and ${head.seed}), so their cases differ.`);
  const baseTarget = base.targetId ?? base.target;
  const headTarget = head.targetId ?? head.target;
  if (baseTarget !== headTarget)
    notes.push(`The runs attacked different targets (${baseTarget} and ${headTarget}).`);
  if (base.model !== head.model)
    notes.push(`The runs attacked different models (${base.model} and ${head.model}).`);
  return notes;
}
