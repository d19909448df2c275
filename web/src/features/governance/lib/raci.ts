import type { RaciChart } from "@core/api/governance";
import { raciLetterSchema } from "@core/api/governance";
import type { z } from "zod";

export type RaciLetter = z.infer<typeof raciLetterSchema>;
export const raciLetters = raciLetterSchema.options;

export const raciMeaning: Record<RaciLetter, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

/** One broken rule, worded as the server words it (`raci.yaml: audits: has 2 accountable roles …`). */
export interface RaciProblem {
  /** a stable element id for aria-describedby */
  id: string;
  activity: string;
  message: string;
}

export interface RaciCheck {
  valid: boolean;
  problems: RaciProblem[];
  /** activity -> role -> the ids of the problems that cell is part of */
  cells: Map<string, Map<string, string[]>>;
}

const problemId = (activity: string, rule: "accountable" | "responsible") =>
  `raci-problem-${rule}-${activity.replace(/[^a-z0-9-]/gi, (char) => `_${char.charCodeAt(0).toString(16)}_`)}`;

/**
 * The RACI rule, run on every change of the editor: each activity needs exactly one accountable role
 * (A) and at least one responsible role (R). Marks the cells to fix: the A cells when there are
 * several, every cell of the activity when its A or its R is missing.
 */
export function validateRaciChart(chart: RaciChart, roles: readonly string[]): RaciCheck {
  const problems: RaciProblem[] = [];
  const cells = new Map<string, Map<string, string[]>>();
  const mark = (activity: string, role: string, id: string) => {
    const row = cells.get(activity) ?? new Map<string, string[]>();
    row.set(role, [...(row.get(role) ?? []), id]);
    cells.set(activity, row);
  };
  for (const [activity, row] of Object.entries(chart)) {
    const accountable = Object.keys(row).filter((role) => row[role] === "A");
    if (accountable.length !== 1) {
      const id = problemId(activity, "accountable");
      problems.push({
        id,
        activity,
        message: `has ${accountable.length} accountable roles (A); it needs exactly one`,
      });
      for (const role of accountable.length > 1 ? accountable : roles) mark(activity, role, id);
    }
    if (!Object.values(row).includes("R")) {
      const id = problemId(activity, "responsible");
      problems.push({ id, activity, message: "has no responsible role (R)" });
      for (const role of roles) mark(activity, role, id);
    }
  }
  return { valid: problems.length === 0, problems, cells };
}

/** The chart with one cell set (a letter) or cleared (undefined); the activity keeps its place. */
export function setRaciCell(
  chart: RaciChart,
  activity: string,
  role: string,
  letter: RaciLetter | undefined,
): RaciChart {
  const { [role]: _previous, ...rest } = chart[activity] ?? {};
  return { ...chart, [activity]: letter === undefined ? rest : { ...rest, [role]: letter } };
}

/** The roles shown as columns: those of the chart and those added in the editor, sorted. */
export function raciColumns(chart: RaciChart, added: readonly string[]): string[] {
  return [...new Set([...Object.values(chart).flatMap((row) => Object.keys(row)), ...added])].sort();
}

export function sameChart(left: RaciChart, right: RaciChart): boolean {
  const leftActivities = Object.keys(left);
  if (leftActivities.length !== Object.keys(right).length) return false;
  return leftActivities.every((activity) => {
    const a = left[activity] ?? {};
    const b = right[activity];
    if (b === undefined || Object.keys(a).length !== Object.keys(b).length) return false;
    return Object.entries(a).every(([role, letter]) => b[role] === letter);
  });
}
