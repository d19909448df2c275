import type { RiskRecord } from "./governance-schema.js";

/** Inherent score: likelihood x impact, 1..25. */
export function inherentScore(risk: Pick<RiskRecord, "likelihood" | "impact">): number {
  return risk.likelihood * risk.impact;
}

/**
 * Residual score: the inherent score reduced by each linked control in turn (effectiveness 0..1
 * removes that share of what is left), rounded to one decimal, never below 1.
 */
export function residualScore(risk: Pick<RiskRecord, "likelihood" | "impact" | "controls">): number {
  let score = inherentScore(risk);
  for (const effectiveness of Object.values(risk.controls)) score *= 1 - effectiveness;
  return Math.max(1, Math.round(score * 10) / 10);
}

/** Band of a score for reports and the heat map. */
export function scoreBand(score: number): "low" | "medium" | "high" | "critical" {
  if (score >= 20) return "critical";
  if (score >= 12) return "high";
  if (score >= 5) return "medium";
  return "low";
}

/** Heat-map data: cells[likelihood-1][impact-1] holds the ids of the risks in that cell. */
export function heatMap(risks: readonly RiskRecord[]): string[][][] {
  const cells = Array.from({ length: 5 }, () => Array.from({ length: 5 }, (): string[] => []));
  for (const risk of risks) cells[risk.likelihood - 1]?.[risk.impact - 1]?.push(risk.id);
  return cells;
}

/** The red-team figures that move risks: attack success rate per OWASP LLM 2025 id (LLM01..LLM10). */
export interface RedteamEvidence {
  readonly id: string;
  readonly finishedAt: string;
  readonly asrByOwasp: Readonly<Record<string, number>>;
}

/** ASR at or above which likelihood rises by one, and by two (named thresholds). */
const ASR_RAISE_ONE = 0.05;
const ASR_RAISE_TWO = 0.25;

/**
 * Raises the likelihood of risks linked to an OWASP id that the run attacked with success
 * (ASR >= 5%: +1, >= 25%: +2, capped at 5) and records why. Risks not touched are returned as is.
 */
export function applyRedteamEvidence(risks: readonly RiskRecord[], run: RedteamEvidence): RiskRecord[] {
  return risks.map((risk) => {
    const worst = Math.max(0, ...risk.owasp.map((item) => run.asrByOwasp[item.slice(0, 5)] ?? 0));
    const step = worst >= ASR_RAISE_TWO ? 2 : worst >= ASR_RAISE_ONE ? 1 : 0;
    const likelihood = Math.min(5, risk.likelihood + step);
    if (likelihood === risk.likelihood) return risk;
    const change = `likelihood ${risk.likelihood} -> ${likelihood}`;
    const reason = `red-team run ${run.id}: attack success rate ${(worst * 100).toFixed(1)}%`;
    const reopened = risk.status === "closed" || risk.status === "accepted" ? "open" : risk.status;
    return {
      ...risk,
      likelihood,
      status: reopened,
      history: [...risk.history, { at: run.finishedAt, change, reason }],
    };
  });
}

/** The parts of an incident that move risks. */
export interface IncidentEvidence {
  readonly id: string;
  readonly openedAt: string;
  readonly riskIds: readonly string[];
  readonly assetIds: readonly string[];
}

/** Reopens the risks that an incident names or that share an asset with it, and records why. */
export function applyIncident(risks: readonly RiskRecord[], incident: IncidentEvidence): RiskRecord[] {
  return risks.map((risk) => {
    const linked =
      incident.riskIds.includes(risk.id) || risk.assets.some((asset) => incident.assetIds.includes(asset));
    if (!linked || risk.status === "open") return risk;
    const entry = {
      at: incident.openedAt,
      change: `status ${risk.status} -> open`,
      reason: `incident ${incident.id}`,
    };
    return { ...risk, status: "open" as const, history: [...risk.history, entry] };
  });
}
