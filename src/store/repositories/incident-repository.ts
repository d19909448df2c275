import type { Kysely } from "kysely";
import { z } from "zod";
import { newId, newOrderedId } from "../../core/index.js";
import type { RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, parseStoredValue, toJsonColumn } from "../json-column.js";
import { fromStoredTimestamp, fromStoredTimestampOrNull, toStoredTimestamp } from "../timestamps.js";

/** The tables of migration 0200-incidents. */
export interface IncidentTable {
  id: string;
  title: string;
  description: string;
  severity: string;
  status: string;
  playbook: string | null;
  serious: string | null;
  aware_at: string;
  links: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  at: string;
  actor: string;
  kind: string;
  text: string;
}

type IncidentDatabase = RampartDatabase & {
  incidents: IncidentTable;
  incident_timeline: IncidentTimelineTable;
};

export const incidentStatuses = ["open", "triaged", "contained", "resolved", "closed"] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;
export const incidentSeveritySchema = z.enum(["low", "medium", "high", "critical"]);
export type IncidentSeverity = z.infer<typeof incidentSeveritySchema>;
/**
 * The kinds of serious incident that set different EU AI Act Art. 73 deadlines: `general` (15 days,
 * Art. 73(2)), `death` (10 days, Art. 73(4)), `widespread-infringement` and `critical-infrastructure`
 * (2 days, Art. 73(3)).
 */
export const seriousKindSchema = z.enum([
  "general",
  "death",
  "widespread-infringement",
  "critical-infrastructure",
]);
export type SeriousKind = z.infer<typeof seriousKindSchema>;

/** What an incident points at: alerts, audit events (`node:seq`) or request ids, assets and risks. */
export const incidentLinksSchema = z.object({
  alerts: z.array(z.string()),
  events: z.array(z.string()),
  assets: z.array(z.string()),
  risks: z.array(z.string()),
});
export type IncidentLinks = z.infer<typeof incidentLinksSchema>;

export interface NewIncident {
  title: string;
  description: string;
  severity: IncidentSeverity;
  playbook: string | null;
  /** a serious incident in the sense of EU AI Act Art. 3(49), and which kind; null when not serious */
  serious: SeriousKind | null;
  /** when the organisation became aware of it (Art. 73 deadlines count from here) */
  awareAt: Date;
  links: IncidentLinks;
  createdBy: string;
}

export interface IncidentRecord extends NewIncident {
  id: string;
  status: IncidentStatus;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export type IncidentPatch = Partial<
  Pick<IncidentRecord, "title" | "description" | "severity" | "status" | "playbook" | "serious" | "links">
> & { closedAt?: Date | null };

export interface TimelineEntry {
  id: string;
  incidentId: string;
  at: Date;
  actor: string;
  /** created, status, note, alert, containment, update */
  kind: string;
  text: string;
}

export interface IncidentRepository {
  create(input: NewIncident, at?: Date): Promise<IncidentRecord>;
  get(id: string): Promise<IncidentRecord | undefined>;
  /** newest first */
  list(filter?: { status?: IncidentStatus; limit?: number }): Promise<IncidentRecord[]>;
  update(id: string, patch: IncidentPatch, at?: Date): Promise<IncidentRecord | undefined>;
  addTimeline(entry: Omit<TimelineEntry, "id">): Promise<TimelineEntry>;
  /** oldest first */
  timeline(incidentId: string): Promise<TimelineEntry[]>;
}

function fromRow(row: IncidentTable): IncidentRecord {
  const where = `incident ${row.id}`;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    severity: parseStoredValue(incidentSeveritySchema, row.severity, where),
    status: parseStoredValue(incidentStatusSchema, row.status, where),
    playbook: row.playbook,
    serious: row.serious === null ? null : parseStoredValue(seriousKindSchema, row.serious, where),
    awareAt: fromStoredTimestamp(row.aware_at),
    links: fromJsonColumn(row.links, incidentLinksSchema, where),
    createdBy: row.created_by,
    createdAt: fromStoredTimestamp(row.created_at),
    updatedAt: fromStoredTimestamp(row.updated_at),
    closedAt: fromStoredTimestampOrNull(row.closed_at),
  };
}

export function createIncidentRepository(db: Kysely<RampartDatabase>): IncidentRepository {
  const incidents = db as unknown as Kysely<IncidentDatabase>;
  const get = async (id: string) => {
    const row = await incidents.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  };
  return {
    async create(input, at = new Date()) {
      const record: IncidentRecord = {
        ...input,
        id: newId("inc"),
        status: "open",
        createdAt: at,
        updatedAt: at,
        closedAt: null,
      };
      await incidents
        .insertInto("incidents")
        .values({
          id: record.id,
          title: input.title,
          description: input.description,
          severity: input.severity,
          status: record.status,
          playbook: input.playbook,
          serious: input.serious,
          aware_at: toStoredTimestamp(input.awareAt),
          links: toJsonColumn(incidentLinksSchema.parse(input.links)),
          created_by: input.createdBy,
          created_at: toStoredTimestamp(at),
          updated_at: toStoredTimestamp(at),
          closed_at: null,
        })
        .execute();
      return record;
    },
    get,
    async list(filter = {}) {
      let query = incidents.selectFrom("incidents").selectAll();
      if (filter.status !== undefined) query = query.where("status", "=", filter.status);
      const rows = await query
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(filter.limit ?? 200)
        .execute();
      return rows.map(fromRow);
    },
    async update(id, patch, at = new Date()) {
      const values: Partial<IncidentTable> = { updated_at: toStoredTimestamp(at) };
      if (patch.title !== undefined) values.title = patch.title;
      if (patch.description !== undefined) values.description = patch.description;
      if (patch.severity !== undefined) values.severity = patch.severity;
      if (patch.status !== undefined) values.status = patch.status;
      if (patch.playbook !== undefined) values.playbook = patch.playbook;
      if (patch.serious !== undefined) values.serious = patch.serious;
      if (patch.links !== undefined) values.links = toJsonColumn(incidentLinksSchema.parse(patch.links));
      if (patch.closedAt !== undefined)
        values.closed_at = patch.closedAt === null ? null : toStoredTimestamp(patch.closedAt);
      const result = await incidents
        .updateTable("incidents")
        .set(values)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? get(id) : undefined;
    },
    async addTimeline(entry) {
      const stored: TimelineEntry = { ...entry, id: newOrderedId("tle") };
      await incidents
        .insertInto("incident_timeline")
        .values({
          id: stored.id,
          incident_id: entry.incidentId,
          at: toStoredTimestamp(entry.at),
          actor: entry.actor,
          kind: entry.kind,
          text: entry.text,
        })
        .execute();
      return stored;
    },
    async timeline(incidentId) {
      const rows = await incidents
        .selectFrom("incident_timeline")
        .selectAll()
        .where("incident_id", "=", incidentId)
        .orderBy("at")
        .orderBy("id")
        .execute();
      return rows.map((row) => ({
        id: row.id,
        incidentId: row.incident_id,
        at: fromStoredTimestamp(row.at),
        actor: row.actor,
        kind: row.kind,
        text: row.text,
      }));
    },
  };
}
