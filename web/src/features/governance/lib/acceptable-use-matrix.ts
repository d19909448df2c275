import type { AcceptableUseRule } from "@core/api/governance";
import { acceptableUseDecisions } from "@core/api/governance";

export type Decision = (typeof acceptableUseDecisions)[number];
export const decisions = acceptableUseDecisions;

export interface MatrixRow {
  /** `role target`, unique */
  key: string;
  role: string;
  target: string;
}

const rowKey = (role: string, target: string) => `${role} ${target}`;

/**
 * The matrix's rows (role x target pairs, in the order the rules first name them, then the pairs
 * added in the editor) and columns (the data classes, by level, then any class a rule names that is
 * not recorded).
 */
export function matrixAxes(
  rules: readonly AcceptableUseRule[],
  dataClasses: readonly { id: string; level: number }[],
  addedRows: readonly { role: string; target: string }[] = [],
): { rows: MatrixRow[]; columns: string[] } {
  const rows = new Map<string, MatrixRow>();
  for (const pair of [...rules, ...addedRows]) {
    const key = rowKey(pair.role, pair.target);
    if (!rows.has(key)) rows.set(key, { key, role: pair.role, target: pair.target });
  }
  const recorded = [...dataClasses].sort((a, b) => a.level - b.level).map((item) => item.id);
  const named = rules.map((rule) => rule.dataClass).filter((id) => !recorded.includes(id));
  return { rows: [...rows.values()], columns: [...new Set([...recorded, ...named])] };
}

/** The decision of the first rule for the cell (the gateway takes the first match), if any. */
export function decisionAt(
  rules: readonly AcceptableUseRule[],
  role: string,
  target: string,
  dataClass: string,
): Decision | undefined {
  return rules.find((rule) => rule.role === role && rule.target === target && rule.dataClass === dataClass)
    ?.decision;
}

/**
 * The rules with one cell changed. A rule that exists keeps its place (order decides at the
 * gateway); a new one goes last; clearing a cell removes every rule for it.
 */
export function setDecision(
  rules: readonly AcceptableUseRule[],
  cell: { role: string; target: string; dataClass: string },
  decision: Decision | undefined,
): AcceptableUseRule[] {
  const matches = (rule: AcceptableUseRule) =>
    rule.role === cell.role && rule.target === cell.target && rule.dataClass === cell.dataClass;
  if (decision === undefined) return rules.filter((rule) => !matches(rule));
  const index = rules.findIndex(matches);
  if (index === -1) return [...rules, { ...cell, decision }];
  return rules.map((rule, at) => (at === index ? { ...rule, decision } : rule));
}

export function sameRules(left: readonly AcceptableUseRule[], right: readonly AcceptableUseRule[]): boolean {
  return (
    left.length === right.length &&
    left.every((rule, index) => {
      const other = right[index];
      return (
        other !== undefined &&
        other.role === rule.role &&
        other.target === rule.target &&
        other.dataClass === rule.dataClass &&
        other.decision === rule.decision
      );
    })
  );
}
