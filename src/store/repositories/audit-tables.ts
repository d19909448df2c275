import type { Kysely } from "kysely";

/** The audit tables (migration 0100-audit-trail). Kept here, beside their repository. */
export interface AuditEventTable {
  node: string;
  seq: number;
  at: string;
  type: string;
  /** the canonical JSON of the envelope: exactly the text that was hashed */
  envelope: string;
  hash: string;
}

export interface AuditCheckpointTable {
  node: string;
  seq: number;
  at: string;
  head_hash: string;
  previous_seq: number;
  key_id: string;
  signature: string;
}

export interface AuditContentTable {
  node: string;
  seq: number;
  mode: string;
  salt: string;
  body: string;
}

export interface AuditOutboxTable {
  sink: string;
  node: string;
  delivered_seq: number;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  updated_at: string;
}

// a type alias, not an interface: Kysely's withTables needs an indexable record type
export type AuditTables = {
  audit_events: AuditEventTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_content: AuditContentTable;
  audit_outbox: AuditOutboxTable;
};

/** The store's Kysely handle, seen with the audit tables. */
export function auditDatabase<Database>(db: Kysely<Database>): Kysely<AuditTables> {
  return db.withTables<AuditTables>() as unknown as Kysely<AuditTables>;
}
