import type { FastifyInstance } from "fastify";
import { type AlertView, listAlerts } from "../../core/api/incidents.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { AlertRecord, AlertRepository } from "../../store/repositories/alert-repository.js";
import { route } from "./contract-route.js";

export function alertView(record: AlertRecord): AlertView {
  return { ...record, raisedAt: record.raisedAt.toISOString() };
}

/** /api/v1/alerts: the monitor's alerts, newest first (contract: src/core/api/incidents.ts). */
export async function alertsRoutes(
  app: FastifyInstance,
  deps: { admins: Authenticator; alerts: AlertRepository },
): Promise<void> {
  route(app, deps.admins, listAlerts, async ({ query }) => {
    const { limit, rule, principal } = query;
    const records = await deps.alerts.list({
      ...(limit === undefined ? {} : { limit }),
      ...(rule === undefined ? {} : { rule }),
      ...(principal === undefined ? {} : { principal }),
    });
    return { data: records.map(alertView) };
  });
}
