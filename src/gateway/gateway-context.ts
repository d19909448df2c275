import type { FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { z } from "zod";
import type { LimitsConfig } from "../config/index.js";
import { RampartError, type Sensitivity, toHttpError } from "../core/index.js";
import type { Authenticator } from "./authenticator.js";
import { presentedKey } from "./authenticator.js";
import type { DecisionSink } from "./decision-event.js";
import type { ContentGuard } from "./guard.js";
import type { LimitsService } from "./limits/index.js";
import type { Principal, RaisedSensitivity } from "./principal.js";
import { RequestRecord } from "./request-record.js";
import type { UpstreamClient } from "./upstream-client.js";
import { modelPatternMatches, type Route, type UpstreamRouter } from "./upstream-router.js";

/** Everything the /v1 handlers share; built once by the server. */
export interface GatewayDependencies {
  readonly router: UpstreamRouter;
  readonly client: UpstreamClient;
  readonly authenticator: Authenticator;
  readonly guard: ContentGuard;
  readonly decisions: DecisionSink;
  readonly limits: LimitsService;
  readonly limitsConfig: LimitsConfig;
  readonly logger: Logger;
  /** containment actions of incident response in force (blocked principals, models off, fallbacks) */
  readonly containments?: () => Promise<ContainmentView>;
}

/** What the gateway reads of incident containment; incident response writes it. */
export interface ContainmentView {
  /** key ids and `app:<name>` entries that are refused */
  readonly blockedPrincipals: ReadonlySet<string>;
  readonly disabledModels: ReadonlySet<string>;
  /** model -> the model its requests go to instead */
  readonly fallbacks: ReadonlyMap<string, string>;
  /** target (key id, `app:<name>`, `role:<name>` or `*`) -> parameters (`level`, `category`) */
  readonly raisedSensitivity?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

const SENSITIVITY_ORDER: readonly Sensitivity[] = ["low", "medium", "high"];

/**
 * The raise-sensitivity containment that covers a caller, if any: its key id first, then its app,
 * its role, then `*`. `level` defaults to high; an unknown level counts as high.
 */
export function raisedSensitivityFor(
  active: ContainmentView,
  principal: Principal,
): RaisedSensitivity | undefined {
  const raised = active.raisedSensitivity;
  if (raised === undefined || raised.size === 0) return undefined;
  const targets = [
    principal.keyId,
    ...(principal.app === null ? [] : [`app:${principal.app}`]),
    `role:${principal.role}`,
    "*",
  ];
  for (const target of targets) {
    const parameters = raised.get(target);
    if (parameters === undefined) continue;
    const level = SENSITIVITY_ORDER.find((candidate) => candidate === parameters.level) ?? "high";
    return parameters.category === undefined || parameters.category === ""
      ? { level }
      : { level, category: parameters.category };
  }
  return undefined;
}

/** Parses a request body with a schema; the first problem becomes a 400 that names the parameter. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new RampartError("invalid_request", "request body must be a JSON object");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.map(String).join(".") ?? "";
  const message = issue?.message.replace(/^Invalid input: /, "") ?? "invalid request";
  throw new RampartError("invalid_request", param === "" ? message : `${param}: ${message}`, {
    details: { param },
  });
}

/** Authenticates, checks the key may use the model, and routes it. */
export async function admit(
  dependencies: GatewayDependencies,
  request: FastifyRequest,
  record: RequestRecord,
  model: string,
): Promise<{ principal: Principal; route: Route }> {
  let principal = await dependencies.authenticator.authenticate(presentedKey(request.headers));
  record.principal = principal;
  record.model = model;
  if (
    principal.models.length > 0 &&
    !principal.models.some((pattern) => modelPatternMatches(pattern, model))
  ) {
    throw new RampartError(
      "model_not_found",
      `the model '${model}' does not exist or this key may not use it`,
      {
        details: { param: "model" },
      },
    );
  }
  const active = await dependencies.containments?.();
  let routed = model;
  if (active !== undefined) {
    if (
      active.blockedPrincipals.has(principal.keyId) ||
      (principal.app !== null && active.blockedPrincipals.has(`app:${principal.app}`))
    ) {
      throw new RampartError(
        "forbidden",
        "this key is blocked by an incident containment; contact your security team",
      );
    }
    const raised = raisedSensitivityFor(active, principal);
    if (raised !== undefined) principal = { ...principal, raisedSensitivity: raised };
    const fallback = active.fallbacks.get(model);
    if (fallback !== undefined) routed = fallback;
    else if (active.disabledModels.has(model)) {
      throw new RampartError("forbidden", `the model '${model}' is switched off by incident response`, {
        details: { param: "model" },
      });
    }
  }
  const route = dependencies.router.route(routed);
  record.upstream = route.upstream.name;
  return { principal, route };
}

export function newRecord(request: FastifyRequest, endpoint: string): RequestRecord {
  return new RequestRecord(request.id, endpoint);
}

/** Sends the decision event; a failing sink is logged, never fatal to the request. */
/** How long a response waits for its decision event to be committed before the gateway gives up. */
export const DECISION_COMMIT_TIMEOUT_MS = 5_000;

/**
 * Settles the limits reservation and records the decision event. The returned promise resolves
 * when the event is committed (the audit trail's sink resolves at commit), so a handler that awaits
 * it acknowledges a request only after its record is durable. A failed or slow commit rejects with
 * `storage_unreachable` (503): the gateway fails closed rather than answer without a record.
 */
export async function recordDecision(
  dependencies: GatewayDependencies,
  record: RequestRecord,
  status: number,
): Promise<void> {
  const reservation = record.reservation;
  record.reservation = null;
  if (reservation !== null) {
    // tokens the model produced count even when the answer was then blocked; nothing else does
    const done = record.usage !== null ? reservation.settle(record.usage) : reservation.release();
    done.catch((error: unknown) => dependencies.logger.warn({ err: error }, "limits settlement failed"));
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = dependencies.decisions.record(record.toEvent(status), record.content());
    if (!(outcome instanceof Promise)) return;
    await Promise.race([
      outcome,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error("commit timed out")), DECISION_COMMIT_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    dependencies.logger.error({ err: error, requestId: record.requestId }, "decision event not recorded");
    throw new RampartError(
      "storage_unreachable",
      "the decision could not be recorded in the audit trail; try again",
      {
        cause: error,
      },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a handler body; on error, records the decision with the error's status and rethrows for the error handler. */
export async function withRecord(
  dependencies: GatewayDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  endpoint: string,
  body: (record: RequestRecord) => Promise<void>,
): Promise<FastifyReply> {
  const record = newRecord(request, endpoint);
  try {
    await body(record);
    return reply;
  } catch (error) {
    record.errorCode = error instanceof RampartError ? error.code : "internal";
    void reply.headers(record.headers());
    // the request already failed: record it, but a recording failure must not hide the first error
    await recordDecision(dependencies, record, toHttpError(error).status).catch(() => undefined);
    throw error;
  }
}
