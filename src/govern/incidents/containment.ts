import type { ManagementChange } from "../../audit/audit-trail.js";
import type { AuditActor } from "../../audit/event-schema.js";
import { RampartError, roleCan } from "../../core/index.js";
import type { ApiKeyRepository } from "../../store/index.js";
import {
  type ContainmentAction,
  type ContainmentRecord,
  type ContainmentRepository,
  containmentActionSchema,
} from "../../store/repositories/incident-containment-repository.js";
import type { IncidentRepository } from "../../store/repositories/incident-repository.js";
import type { Playbook } from "./playbooks.js";

/**
 * What containment can do to the gateway. The server implements it (the store-backed port below is
 * the default): revoking a key changes the key store; the other actions are records that the
 * gateway's admission check reads through `activeContainments()`.
 */
export interface ContainmentPort {
  revokeKey(keyId: string, context: ContainmentContext): Promise<ContainmentRecord>;
  /** target: a key id or `app:<name>` */
  blockPrincipal(target: string, context: ContainmentContext): Promise<ContainmentRecord>;
  /** target: a policy section (`role/app/model`, or `*`); category and level in `parameters` */
  raiseSensitivity(target: string, context: ContainmentContext): Promise<ContainmentRecord>;
  routeToFallback(model: string, fallback: string, context: ContainmentContext): Promise<ContainmentRecord>;
  disableModel(model: string, context: ContainmentContext): Promise<ContainmentRecord>;
}

export interface ContainmentContext {
  incidentId: string | null;
  actorId: string;
  parameters: Record<string, string>;
}

/** The default port over the store; `onKeyRevoked` clears the gateway's key cache on this node. */
export function createStoreContainmentPort(options: {
  keys: ApiKeyRepository;
  containments: ContainmentRepository;
  onKeyRevoked?: (keyId: string) => void;
}): ContainmentPort {
  const { keys, containments } = options;
  const record = (action: ContainmentAction, target: string, context: ContainmentContext) =>
    containments.create({
      incidentId: context.incidentId,
      action,
      target,
      parameters: context.parameters,
      createdBy: context.actorId,
    });
  return {
    async revokeKey(keyId, context) {
      const key = await keys.findById(keyId);
      if (key === undefined) throw new RampartError("not_found", `API key ${keyId} does not exist`);
      await keys.revoke(keyId);
      options.onKeyRevoked?.(keyId);
      return record("revoke-key", keyId, context);
    },
    blockPrincipal: (target, context) => record("block-principal", target, context),
    raiseSensitivity: (target, context) => record("raise-sensitivity", target, context),
    routeToFallback: (model, fallback, context) =>
      record("route-to-fallback", model, { ...context, parameters: { ...context.parameters, fallback } }),
    disableModel: (model, context) => record("disable-model", model, context),
  };
}

export interface ContainmentRequest {
  action: ContainmentAction;
  target: string;
  incidentId: string | null;
  parameters?: Record<string, string>;
}

export interface ContainmentDependencies {
  port: ContainmentPort;
  incidents: IncidentRepository;
  playbooks: ReadonlyMap<string, Playbook>;
  audit?: { recordManagement(change: ManagementChange): Promise<unknown> } | undefined;
}

/**
 * Runs one containment action for an actor: the role needs `containment:execute`, and when the
 * incident follows a playbook that lists the action, one of the roles the playbook names. The action
 * is written to the audit trail and the incident's timeline.
 */
export async function executeContainment(
  dependencies: ContainmentDependencies,
  actor: AuditActor & { role: string },
  request: ContainmentRequest,
): Promise<ContainmentRecord> {
  const action = containmentActionSchema.parse(request.action);
  if (!roleCan(actor.role, "containment:execute")) {
    throw new RampartError(
      "forbidden",
      `containment needs the containment:execute scope; role '${actor.role}' does not have it`,
    );
  }
  const incident =
    request.incidentId === null ? undefined : await dependencies.incidents.get(request.incidentId);
  if (request.incidentId !== null && incident === undefined) {
    throw new RampartError("not_found", `incident ${request.incidentId} does not exist`);
  }
  const playbook = incident?.playbook == null ? undefined : dependencies.playbooks.get(incident.playbook);
  const allowed = playbook?.containment.find((entry) => entry.action === action);
  if (allowed !== undefined && !allowed.roles.some((role) => role === actor.role)) {
    throw new RampartError(
      "forbidden",
      `playbook ${playbook?.id} lets ${allowed.roles.join(" or ")} run ${action}; role '${actor.role}' may not`,
    );
  }
  const context: ContainmentContext = {
    incidentId: request.incidentId,
    actorId: actor.id,
    parameters: request.parameters ?? {},
  };
  const { port } = dependencies;
  const done =
    action === "revoke-key"
      ? await port.revokeKey(request.target, context)
      : action === "block-principal"
        ? await port.blockPrincipal(request.target, context)
        : action === "raise-sensitivity"
          ? await port.raiseSensitivity(request.target, context)
          : action === "route-to-fallback"
            ? await port.routeToFallback(request.target, requiredFallback(context.parameters), context)
            : await port.disableModel(request.target, context);
  await dependencies.audit?.recordManagement({
    actor,
    action: `containment.${action}`,
    target: {
      kind: action === "revoke-key" ? "key" : "containment",
      id: action === "revoke-key" ? request.target : done.id,
    },
    changes: {
      containment: done.id,
      target: request.target,
      incident: request.incidentId,
      ...context.parameters,
    },
  });
  if (incident !== undefined) {
    await dependencies.incidents.addTimeline({
      incidentId: incident.id,
      at: done.createdAt,
      actor: actor.id,
      kind: "containment",
      text: `${action} ${request.target} (${done.id})`,
    });
  }
  return done;
}

function requiredFallback(parameters: Record<string, string>): string {
  const fallback = parameters.fallback;
  if (fallback === undefined || fallback === "") {
    throw new RampartError(
      "invalid_request",
      "route-to-fallback needs parameters.fallback (the model to route to)",
      {
        details: { param: "parameters.fallback" },
      },
    );
  }
  return fallback;
}
