import type { ComplianceEvidence } from "@core/api/compliance";
import type { Tone } from "./status";

export type FreshnessState = "fresh" | "ageing" | "stale" | "no-limit" | "none";

export interface Freshness {
  state: FreshnessState;
  label: string;
  /** "2 d old; stale after 30 d" */
  detail: string;
  tone: Tone;
}

/** Evidence past this share of its maximum age is shown as ageing (renew it soon). */
export const AGEING_SHARE = 0.75;

function age(days: number): string {
  if (days < 1) return "less than a day old";
  const whole = Math.floor(days);
  return `${whole} day${whole === 1 ? "" : "s"} old`;
}

function days(count: number): string {
  const whole = Math.max(0, Math.ceil(count));
  return `${whole} day${whole === 1 ? "" : "s"}`;
}

/**
 * How fresh a piece of evidence was when the report was made: never observed, stale (past its
 * maximum age, or judged stale), ageing (past AGEING_SHARE of it), fresh, or without an age limit.
 */
export function evidenceFreshness(
  evidence: Pick<ComplianceEvidence, "observedAt" | "ageDays" | "maxAgeDays" | "outcome">,
): Freshness {
  if (evidence.observedAt === null || evidence.ageDays === null)
    return { state: "none", label: "Never observed", detail: "no evidence was found", tone: "neutral" };
  const { ageDays, maxAgeDays } = evidence;
  if (evidence.outcome === "stale" || (maxAgeDays !== null && ageDays > maxAgeDays))
    return {
      state: "stale",
      label: "Stale",
      detail: `${age(ageDays)}; stale after ${days(maxAgeDays ?? 0)}`,
      tone: "bad",
    };
  if (maxAgeDays === null)
    return { state: "no-limit", label: "Current", detail: `${age(ageDays)}; no age limit`, tone: "good" };
  if (ageDays >= maxAgeDays * AGEING_SHARE)
    return {
      state: "ageing",
      label: "Ageing",
      detail: `${age(ageDays)}; stale in ${days(maxAgeDays - ageDays)}`,
      tone: "warn",
    };
  return {
    state: "fresh",
    label: "Fresh",
    detail: `${age(ageDays)}; stale after ${days(maxAgeDays)}`,
    tone: "good",
  };
}
