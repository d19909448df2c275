import type { ManagementChange } from "../../audit/audit-trail.js";
import type { AuditActor } from "../../audit/event-schema.js";
import { RampartError } from "../../core/index.js";
import type { AlertRecord, AlertRepository } from "../../store/repositories/alert-repository.js";
import type {
  IncidentLinks,
  IncidentPatch,
  IncidentRecord,
  IncidentRepository,
  IncidentSeverity,
  IncidentStatus,
  SeriousKind,
} from "../../store/repositories/incident-repository.js";
import { playbookStepStates, STEP_TIMELINE_KIND, stepTimelineText } from "./playbook-steps.js";
import type { Playbook } from "./playbooks.js";
import { assertTransition } from "./status-workflow.js";

export interface IncidentServiceOptions {
  incidents: IncidentRepository;
  alerts?: AlertRepository | undefined;
  playbooks: ReadonlyMap<string, Playbook>;
  audit?: { recordManagement(change: ManagementChange): Promise<unknown> } | undefined;
  now?: () => Date;
}

export interface CreateIncidentInput {
  title: string;
  description?: string | undefined;
  severity?: IncidentSeverity | undefined;
  playbook?: string | null | undefined;
  serious?: SeriousKind | null | undefined;
  awareAt?: Date | undefined;
  links?: Partial<IncidentLinks> | undefined;
}

export interface UpdateIncidentInput {
  status?: IncidentStatus | undefined;
  severity?: IncidentSeverity | undefined;
  title?: string | undefined;
  description?: string | undefined;
  playbook?: string | null | undefined;
  serious?: SeriousKind | null | undefined;
  note?: string | undefined;
  addLinks?: Partial<IncidentLinks> | undefined;
  /** tick (done) or untick one step of the incident's playbook (0-based index) */
  step?: { index: number; done: boolean } | undefined;
}

function actorName(actor: AuditActor): string {
  return `${actor.kind}:${actor.id}`;
}

function mergeLinks(base: IncidentLinks, extra: Partial<IncidentLinks> = {}): IncidentLinks {
  const union = (left: string[], right: string[] = []) => [...new Set([...left, ...right])];
  return {
    alerts: union(base.alerts, extra.alerts),
    events: union(base.events, extra.events),
    assets: union(base.assets, extra.assets),
    risks: union(base.risks, extra.risks),
  };
}

const NO_LINKS: IncidentLinks = { alerts: [], events: [], assets: [], risks: [] };

/** Incidents: created by hand or from alerts, moved through the workflow, each change audited. */
export function createIncidentService(options: IncidentServiceOptions) {
  const { incidents, playbooks } = options;
  const now = options.now ?? (() => new Date());

  function checkPlaybook(id: string | null | undefined): void {
    if (id != null && !playbooks.has(id)) {
      throw new RampartError(
        "invalid_request",
        `playbook '${id}' does not exist; known: ${[...playbooks.keys()].join(", ")}`,
      );
    }
  }

  async function audit(actor: AuditActor, action: string, id: string, changes: Record<string, unknown>) {
    await options.audit?.recordManagement({ actor, action, target: { kind: "incident", id }, changes });
  }

  async function create(input: CreateIncidentInput, actor: AuditActor): Promise<IncidentRecord> {
    checkPlaybook(input.playbook);
    const at = now();
    const playbook = input.playbook == null ? undefined : playbooks.get(input.playbook);
    const record = await incidents.create(
      {
        title: input.title,
        description: input.description ?? playbook?.description ?? "",
        severity: input.severity ?? playbook?.severity ?? "medium",
        playbook: input.playbook ?? null,
        serious: input.serious ?? null,
        awareAt: input.awareAt ?? at,
        links: mergeLinks(NO_LINKS, input.links),
        createdBy: actorName(actor),
      },
      at,
    );
    await incidents.addTimeline({
      incidentId: record.id,
      at,
      actor: actorName(actor),
      kind: "created",
      text: record.title,
    });
    await audit(actor, "incident.create", record.id, {
      severity: record.severity,
      playbook: record.playbook,
    });
    return record;
  }

  async function get(id: string): Promise<IncidentRecord> {
    const record = await incidents.get(id);
    if (record === undefined) throw new RampartError("not_found", `incident ${id} does not exist`);
    return record;
  }

  /** The step to tick or untick, checked against the incident's playbook; `changed` false when it already is so. */
  async function stepChange(incident: IncidentRecord, step: { index: number; done: boolean }) {
    const playbook = incident.playbook === null ? undefined : playbooks.get(incident.playbook);
    if (playbook === undefined)
      throw new RampartError(
        "invalid_request",
        `incident ${incident.id} follows no playbook; it has no steps`,
        {
          details: { param: "step" },
        },
      );
    const states = playbookStepStates(playbook, await incidents.timeline(incident.id));
    const state = states[step.index];
    if (state === undefined)
      throw new RampartError(
        "invalid_request",
        `playbook ${playbook.id} has ${states.length} steps; step.index must be 0 to ${states.length - 1}`,
        { details: { param: "step.index" } },
      );
    return { index: step.index, title: state.title, done: step.done, changed: state.done !== step.done };
  }

  async function update(id: string, input: UpdateIncidentInput, actor: AuditActor): Promise<IncidentRecord> {
    const current = await get(id);
    if (current.status === "closed")
      throw new RampartError("invalid_request", `incident ${id} is closed; it cannot change`);
    checkPlaybook(input.playbook);
    if (input.status !== undefined && input.status !== current.status)
      assertTransition(id, current.status, input.status);
    const step = input.step === undefined ? undefined : await stepChange(current, input.step);
    const at = now();
    const patch: IncidentPatch = {};
    if (input.status !== undefined) patch.status = input.status;
    if (input.severity !== undefined) patch.severity = input.severity;
    if (input.title !== undefined) patch.title = input.title;
    if (input.description !== undefined) patch.description = input.description;
    if (input.playbook !== undefined) patch.playbook = input.playbook;
    if (input.serious !== undefined) patch.serious = input.serious;
    if (input.addLinks !== undefined) patch.links = mergeLinks(current.links, input.addLinks);
    if (input.status === "closed") patch.closedAt = at;
    const updated = (await incidents.update(id, patch, at)) ?? current;
    const who = actorName(actor);
    if (input.status !== undefined && input.status !== current.status) {
      await incidents.addTimeline({
        incidentId: id,
        at,
        actor: who,
        kind: "status",
        text: `${current.status} -> ${input.status}`,
      });
    }
    const fields = Object.keys(patch).filter((field) => field !== "status" && field !== "closedAt");
    if (fields.length > 0) {
      await incidents.addTimeline({
        incidentId: id,
        at,
        actor: who,
        kind: "update",
        text: `changed ${fields.join(", ")}`,
      });
    }
    if (step?.changed === true)
      await incidents.addTimeline({
        incidentId: id,
        at,
        actor: who,
        kind: STEP_TIMELINE_KIND,
        text: stepTimelineText(step.index, step.title, step.done),
      });
    if (input.note !== undefined)
      await incidents.addTimeline({ incidentId: id, at, actor: who, kind: "note", text: input.note });
    await audit(actor, "incident.update", id, {
      ...patch,
      ...(input.note === undefined ? {} : { note: true }),
      ...(step === undefined ? {} : { step: step.index + 1, stepDone: step.done }),
    });
    return updated;
  }

  /** Opens an incident for an alert whose rule names a playbook; links the alert and its events. */
  async function fromAlert(alert: AlertRecord): Promise<IncidentRecord | undefined> {
    if (alert.playbook === null) return undefined;
    const playbook = playbooks.get(alert.playbook);
    const record = await create(
      {
        title: `${playbook?.title ?? alert.playbook}: ${alert.principal}`,
        description: alert.message,
        severity: alert.severity,
        playbook: playbook === undefined ? null : alert.playbook,
        awareAt: alert.raisedAt,
        links: {
          alerts: [alert.id],
          events: [
            ...alert.evidence.events.map((event) => `${event.node}:${event.seq}`),
            ...alert.evidence.requestIds.map((requestId) => `request:${requestId}`),
          ],
          assets: alert.keyId === null ? [] : [`key:${alert.keyId}`],
        },
      },
      { kind: "system", id: "monitor" },
    );
    await options.alerts?.linkIncident(alert.id, record.id);
    return record;
  }

  return {
    create,
    get,
    update,
    close: (id: string, actor: AuditActor, note?: string) => update(id, { status: "closed", note }, actor),
    list: (filter?: { status?: IncidentStatus; limit?: number }) => incidents.list(filter),
    timeline: (id: string) => incidents.timeline(id),
    fromAlert,
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
