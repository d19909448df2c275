import type { SeriousKind } from "../../store/repositories/incident-repository.js";

/**
 * EU AI Act Art. 73 reporting deadlines for serious incidents, in days after the provider (or the
 * deployer informing it) became aware: 15 days in general (Art. 73(2)), 10 days when a person died
 * (Art. 73(4)), 2 days for a widespread infringement or a serious and irreversible disruption of
 * critical infrastructure (Art. 73(3)).
 */
export const ART73_DEADLINE_DAYS: Readonly<Record<SeriousKind, number>> = {
  general: 15,
  death: 10,
  "widespread-infringement": 2,
  "critical-infrastructure": 2,
};

const DAY_MS = 86_400_000;

export interface Art73Clock {
  kind: SeriousKind;
  awareAt: string;
  days: number;
  dueAt: string;
  /** whole hours left (negative when overdue) */
  hoursLeft: number;
  overdue: boolean;
  /** every Art. 73 deadline and its date, for the record */
  deadlines: { days: number; dueAt: string; applies: boolean }[];
}

/** The Art. 73 clock of a serious incident; undefined when it is not flagged serious. */
export function art73Clock(
  serious: SeriousKind | null,
  awareAt: Date,
  now: Date = new Date(),
): Art73Clock | undefined {
  if (serious === null) return undefined;
  const days = ART73_DEADLINE_DAYS[serious];
  const due = new Date(awareAt.getTime() + days * DAY_MS);
  const hoursLeft = Math.floor((due.getTime() - now.getTime()) / 3_600_000);
  return {
    kind: serious,
    awareAt: awareAt.toISOString(),
    days,
    dueAt: due.toISOString(),
    hoursLeft,
    overdue: now.getTime() > due.getTime(),
    deadlines: [2, 10, 15].map((entry) => ({
      days: entry,
      dueAt: new Date(awareAt.getTime() + entry * DAY_MS).toISOString(),
      applies: entry === days,
    })),
  };
}
