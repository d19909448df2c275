import type { TimelineEntry } from "../../store/repositories/incident-repository.js";
import type { Playbook } from "./playbooks.js";

/**
 * Playbook steps as a checklist. Ticking or unticking a step is an incident update that writes a
 * `step` entry to the incident's timeline ("step 3 done: ..." or "step 3 reopened: ..."); a step's
 * state is its latest such entry, so the checklist needs no table of its own and its history stays
 * on the timeline and in the audit trail.
 */
export const STEP_TIMELINE_KIND = "step";

export interface PlaybookStepState {
  /** 0-based */
  index: number;
  title: string;
  role: Playbook["steps"][number]["role"];
  done: boolean;
  changedAt: Date | null;
  changedBy: string | null;
}

/** The timeline text of a tick (done) or untick; steps are numbered from 1 for people. */
export function stepTimelineText(index: number, title: string, done: boolean): string {
  return `step ${index + 1} ${done ? "done" : "reopened"}: ${title}`;
}

const STEP_TEXT = /^step (\d+) (done|reopened):/;

/** Each step of the playbook with its latest tick or untick from the timeline (oldest first). */
export function playbookStepStates(
  playbook: Playbook | undefined,
  timeline: readonly TimelineEntry[],
): PlaybookStepState[] {
  if (playbook === undefined) return [];
  const states: PlaybookStepState[] = playbook.steps.map((step, index) => ({
    index,
    title: step.title,
    role: step.role,
    done: false,
    changedAt: null,
    changedBy: null,
  }));
  for (const entry of timeline) {
    if (entry.kind !== STEP_TIMELINE_KIND) continue;
    const match = STEP_TEXT.exec(entry.text);
    const state = match === null ? undefined : states[Number(match[1]) - 1];
    if (state === undefined) continue;
    state.done = match?.[2] === "done";
    state.changedAt = entry.at;
    state.changedBy = entry.actor;
  }
  return states;
}
