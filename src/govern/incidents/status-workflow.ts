import { incidentTransitions } from "../../core/api/incidents.js";
import { RampartError } from "../../core/index.js";
import type { IncidentStatus } from "../../store/repositories/incident-repository.js";

/**
 * The incident workflow: open -> triaged -> contained -> resolved -> closed. An incident that needs
 * no containment may go from triaged to resolved; a resolved incident may be reopened to triaged.
 * The table lives in the core contract, so the dashboard offers exactly the moves the server allows.
 */
export const allowedTransitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> =
  incidentTransitions;

/** Throws a clear error when `from -> to` is not a step of the workflow. */
export function assertTransition(incidentId: string, from: IncidentStatus, to: IncidentStatus): void {
  if (allowedTransitions[from].includes(to)) return;
  const next = allowedTransitions[from];
  throw new RampartError(
    "invalid_request",
    `incident ${incidentId} is ${from}; it can move to ${next.length === 0 ? "no other status" : next.join(" or ")}, not ${to}`,
    { details: { param: "status" } },
  );
}
