import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { AlertRecord, AlertRepository } from "../../store/repositories/alert-repository.js";
import { requireScope } from "./management-auth.js";

export function alertView(record: AlertRecord) {
  return { ...record, raisedAt: record.raisedAt.toISOString() };
}

const querySchema = z.looseObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  rule: z.string().max(64).optional(),
  principal: z.string().max(300).optional(),
});

/** /api/v1/alerts: the monitor's alerts, newest first. */
export async function alertsRoutes(
  app: FastifyInstance,
  deps: { admins: Authenticator; alerts: AlertRepository },
): Promise<void> {
  app.get("/api/v1/alerts", { preHandler: requireScope(deps.admins, "incidents:read") }, async (request) => {
    const parsed = querySchema.safeParse(request.query ?? {});
    if (!parsed.success)
      throw new RampartError("invalid_request", `query: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const { limit, rule, principal } = parsed.data;
    const records = await deps.alerts.list({
      ...(limit === undefined ? {} : { limit }),
      ...(rule === undefined ? {} : { rule }),
      ...(principal === undefined ? {} : { principal }),
    });
    return { data: records.map(alertView) };
  });
}
