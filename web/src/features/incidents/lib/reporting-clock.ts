import type { Art73ClockView, SeriousKind } from "@core/api/incidents";
import { formatTime } from "@/lib/format";

const HOUR_MS = 3_600_000;

export const seriousKindLabels: Readonly<Record<SeriousKind, { label: string; article: string }>> = {
  general: { label: "Serious incident", article: "Art. 73(2)" },
  death: { label: "Death of a person", article: "Art. 73(4)" },
  "widespread-infringement": { label: "Widespread infringement", article: "Art. 73(3)" },
  "critical-infrastructure": { label: "Critical infrastructure disruption", article: "Art. 73(3)" },
};

export interface ReportingClock {
  kind: string;
  article: string;
  days: number;
  deadline: string;
  /** "4 d 3 h left", "overdue by 5 h" */
  timeLeft: string;
  overdue: boolean;
  /** bad when overdue, warn within two days, info otherwise */
  tone: "bad" | "warn" | "info";
}

function span(hours: number): string {
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return `${rest} h`;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/**
 * The EU AI Act Art. 73 reporting clock as the page shows it, counted against the browser's clock
 * (`now`) so the time left stays current; null when the incident is not flagged serious.
 */
export function prepareReportingClock(art73: Art73ClockView | null, now: Date): ReportingClock | null {
  if (art73 === null) return null;
  const due = new Date(art73.dueAt).getTime();
  const leftMs = due - now.getTime();
  const overdue = leftMs < 0;
  const hours = Math.floor(Math.abs(leftMs) / HOUR_MS);
  const labels = seriousKindLabels[art73.kind];
  return {
    kind: labels.label,
    article: labels.article,
    days: art73.days,
    deadline: formatTime(art73.dueAt),
    timeLeft: overdue
      ? `overdue by ${span(hours)}`
      : hours === 0
        ? "less than 1 h left"
        : `${span(hours)} left`,
    overdue,
    tone: overdue ? "bad" : leftMs <= 48 * HOUR_MS ? "warn" : "info",
  };
}
