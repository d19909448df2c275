import { type IncidentStatus, incidentTransitions } from "@core/api/incidents";

export const statusLabels: Readonly<Record<IncidentStatus, string>> = {
  open: "Open",
  triaged: "Triaged",
  contained: "Contained",
  resolved: "Resolved",
  closed: "Closed",
};

export interface StatusMove {
  to: IncidentStatus;
  /** the button's text */
  label: string;
  /** closing is final: a closed incident cannot change */
  final: boolean;
}

const moveLabels: Readonly<Record<IncidentStatus, string>> = {
  open: "Reopen",
  triaged: "Mark triaged",
  contained: "Mark contained",
  resolved: "Mark resolved",
  closed: "Close incident",
};

/** The moves the server allows from a status (the contract's workflow table), as buttons. */
export function statusMoves(from: IncidentStatus): StatusMove[] {
  return incidentTransitions[from].map((to) => ({
    to,
    label: from === "resolved" && to === "triaged" ? "Reopen (triaged)" : moveLabels[to],
    final: to === "closed",
  }));
}

/** Where the status sits on the happy path open -> closed, for a step indicator. */
export function workflowSteps(
  current: IncidentStatus,
): { status: IncidentStatus; state: "done" | "current" | "todo" }[] {
  const order: IncidentStatus[] = ["open", "triaged", "contained", "resolved", "closed"];
  const at = order.indexOf(current);
  return order.map((status, index) => ({
    status,
    state: index < at ? "done" : index === at ? "current" : "todo",
  }));
}
