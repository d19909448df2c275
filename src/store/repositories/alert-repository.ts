import type { Kysely } from "kysely";
import { z } from "zod";
import { newId } from "../../core/index.js";
import type { RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, toJsonColumn } from "../json-column.js";
import { fromStoredTimestamp, toStoredTimestamp } from "../timestamps.js";

/** The table of migration 0200-incidents. */
export interface AlertTable {
  id: string;
  rule: string;
  kind: string;
  severity: string;
  principal: string;
  key_id: string | null;
  app: string | null;
  message: string;
  playbook: string | null;
  evidence: string;
  raised_at: string;
  incident_id: string | null;
}

type AlertDatabase = RampartDatabase & { alerts: AlertTable };

export const alertSeveritySchema = z.enum(["low", "medium", "high", "critical"]);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

/** What led to an alert: request ids and audit positions of the events, and the figures the rule saw. */
export const alertEvidenceSchema = z.object({
  requestIds: z.array(z.string()),
  events: z.array(z.object({ node: z.string(), seq: z.number().int() })),
  observed: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type AlertEvidence = z.infer<typeof alertEvidenceSchema>;

export interface NewAlert {
  rule: string;
  kind: string;
  severity: AlertSeverity;
  /** `key:<id>` or `app:<name>` */
  principal: string;
  keyId: string | null;
  app: string | null;
  message: string;
  /** the playbook an incident opened from this alert follows */
  playbook: string | null;
  evidence: AlertEvidence;
  raisedAt: Date;
}

export interface AlertRecord extends NewAlert {
  id: string;
  incidentId: string | null;
}

export interface AlertRepository {
  create(alert: NewAlert): Promise<AlertRecord>;
  get(id: string): Promise<AlertRecord | undefined>;
  /** newest first */
  list(filter?: { limit?: number; rule?: string; principal?: string }): Promise<AlertRecord[]>;
  linkIncident(alertId: string, incidentId: string): Promise<void>;
}

function fromRow(row: AlertTable): AlertRecord {
  return {
    id: row.id,
    rule: row.rule,
    kind: row.kind,
    severity: alertSeveritySchema.parse(row.severity),
    principal: row.principal,
    keyId: row.key_id,
    app: row.app,
    message: row.message,
    playbook: row.playbook,
    evidence: fromJsonColumn(row.evidence, alertEvidenceSchema, `alert ${row.id} evidence`),
    raisedAt: fromStoredTimestamp(row.raised_at),
    incidentId: row.incident_id,
  };
}

export function createAlertRepository(db: Kysely<RampartDatabase>): AlertRepository {
  const alerts = db as unknown as Kysely<AlertDatabase>;
  return {
    async create(alert) {
      const record: AlertRecord = { ...alert, id: newId("alr"), incidentId: null };
      await alerts
        .insertInto("alerts")
        .values({
          id: record.id,
          rule: alert.rule,
          kind: alert.kind,
          severity: alert.severity,
          principal: alert.principal,
          key_id: alert.keyId,
          app: alert.app,
          message: alert.message,
          playbook: alert.playbook,
          evidence: toJsonColumn(alertEvidenceSchema.parse(alert.evidence)),
          raised_at: toStoredTimestamp(alert.raisedAt),
          incident_id: null,
        })
        .execute();
      return record;
    },
    async get(id) {
      const row = await alerts.selectFrom("alerts").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async list(filter = {}) {
      let query = alerts.selectFrom("alerts").selectAll();
      if (filter.rule !== undefined) query = query.where("rule", "=", filter.rule);
      if (filter.principal !== undefined) query = query.where("principal", "=", filter.principal);
      const rows = await query
        .orderBy("raised_at", "desc")
        .orderBy("id", "desc")
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map(fromRow);
    },
    async linkIncident(alertId, incidentId) {
      await alerts.updateTable("alerts").set({ incident_id: incidentId }).where("id", "=", alertId).execute();
    },
  };
}
