import { type ComplianceStatus, complianceStatuses } from "@core/api/compliance";

export type Tone = "good" | "warn" | "bad" | "neutral" | "info";

export const statusLabels: Record<ComplianceStatus, string> = {
  met: "Met",
  partial: "Partial",
  "not-met": "Not met",
  "not-applicable": "Not applicable",
  attested: "Attested",
};

export const statusTones: Record<ComplianceStatus, Tone> = {
  met: "good",
  partial: "warn",
  "not-met": "bad",
  "not-applicable": "neutral",
  attested: "info",
};

/** The colour of each status in the stacked bar (text and icons carry the meaning too). */
const statusColours: Record<ComplianceStatus, string> = {
  met: "var(--good)",
  attested: "var(--primary)",
  partial: "var(--warn)",
  "not-met": "var(--destructive)",
  "not-applicable": "var(--input)",
};

/** Best first: the order statuses are listed and stacked in. */
const order: readonly ComplianceStatus[] = ["met", "attested", "partial", "not-met", "not-applicable"];

export interface StatusCount {
  status: ComplianceStatus;
  label: string;
  count: number;
  /** share of all requirements, 0..100 (one decimal) */
  percent: number;
  tone: Tone;
  colour: string;
}

export interface StatusCounts {
  entries: StatusCount[];
  total: number;
  /** "4 met, 6 partial, 0 not met …": every status, in order */
  text: string;
}

/**
 * A framework's requirements by status, in a fixed order (best first), with each status' share of
 * the whole. A status the report does not count is 0, and every status is listed.
 */
export function prepareStatusCounts(counts: Partial<Record<ComplianceStatus, number>>): StatusCounts {
  const total = complianceStatuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const entries = order.map((status) => {
    const count = counts[status] ?? 0;
    return {
      status,
      label: statusLabels[status],
      count,
      percent: total === 0 ? 0 : Math.round((count / total) * 1000) / 10,
      tone: statusTones[status],
      colour: statusColours[status],
    };
  });
  return {
    entries,
    total,
    text: entries.map((entry) => `${entry.count} ${entry.label.toLowerCase()}`).join(", "),
  };
}
