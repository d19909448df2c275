import type { Kysely, Selectable } from "kysely";
import { newId, RampartError } from "../../core/index.js";
import type { ApiKeyTable, RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, parseInput, parseStoredValue, toJsonColumn } from "../json-column.js";
import {
  fromStoredTimestamp,
  fromStoredTimestampOrNull,
  toStoredTimestamp,
  toStoredTimestampOrNull,
} from "../timestamps.js";
import {
  type ApiKeyKind,
  type ApiKeyRecord,
  apiKeyKindSchema,
  apiKeyLimitsSchema,
  apiKeyModelsSchema,
  dataClassSchema,
  type NewApiKey,
  newApiKeySchema,
} from "./api-key-record.js";
import { API_KEY_HASH_FORMAT, generateApiKey, hashApiKey } from "./api-key-secret.js";

export interface ApiKeyListFilter {
  kind?: ApiKeyKind | undefined;
  /** include revoked keys too; default false */
  includeRevoked?: boolean | undefined;
}

/** The API keys of the gateway and the management API. */
export interface ApiKeyRepository {
  /** stores a key whose secret was already made; `prefix` and `hash` come from api-key-secret.ts */
  create(input: NewApiKey, secret: { prefix: string; hash: string }): Promise<ApiKeyRecord>;
  findById(id: string): Promise<ApiKeyRecord | undefined>;
  /** the key with this SHA-256 hex hash, revoked and expired ones included (check apiKeyStatus) */
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  /** oldest first */
  list(filter?: ApiKeyListFilter): Promise<ApiKeyRecord[]>;
  /** marks a key revoked; true when it changed, false when it was already revoked or does not exist */
  revoke(id: string, at?: Date): Promise<boolean>;
  /**
   * records a use at `at`; writes only when the stored time is older by TOUCH_RESOLUTION_MS, so
   * a busy key costs one write a minute, not one per request; never moves lastUsedAt backwards
   */
  touch(id: string, at: Date): Promise<void>;
}

/** lastUsedAt is kept to this precision: one write per key per minute at most. */
export const TOUCH_RESOLUTION_MS = 60_000;

export interface RepositoryOptions {
  /** the clock; tests pass a fixed one */
  now?: () => Date;
}

/** Makes a new key, stores its hash, and returns the record with the key (shown once, never stored). */
export async function issueApiKey(
  repository: ApiKeyRepository,
  input: NewApiKey,
): Promise<{ record: ApiKeyRecord; key: string }> {
  const { key, prefix, hash } = generateApiKey();
  return { record: await repository.create(input, { prefix, hash }), key };
}

/** Looks a presented key up by its hash. */
export function findApiKey(repository: ApiKeyRepository, key: string): Promise<ApiKeyRecord | undefined> {
  return repository.findByHash(hashApiKey(key));
}

export function createApiKeyRepository(
  db: Kysely<RampartDatabase>,
  options: RepositoryOptions = {},
): ApiKeyRepository {
  const now = options.now ?? (() => new Date());
  return {
    async create(input, secret) {
      const fields = parseInput(newApiKeySchema, input, "API key");
      if (!API_KEY_HASH_FORMAT.test(secret.hash)) {
        throw new RampartError("invalid_request", "an API key hash must be SHA-256 hex");
      }
      const record: ApiKeyRecord = {
        ...fields,
        id: newId("key"),
        prefix: secret.prefix,
        hash: secret.hash,
        createdAt: now(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await db.insertInto("api_keys").values(toRow(record)).execute();
      return record;
    },
    async findById(id) {
      const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async findByHash(hash) {
      // The lookup compares hashes in the database index, not in constant time. That leaks at
      // most how much of a SHA-256 value matched, which does not help anyone find a key.
      if (!API_KEY_HASH_FORMAT.test(hash)) return undefined;
      const row = await db.selectFrom("api_keys").selectAll().where("hash", "=", hash).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async list(filter = {}) {
      let query = db.selectFrom("api_keys").selectAll();
      if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
      if (filter.includeRevoked !== true) query = query.where("revoked_at", "is", null);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map(fromRow);
    },
    async revoke(id, at = now()) {
      const result = await db
        .updateTable("api_keys")
        .set({ revoked_at: toStoredTimestamp(at) })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async touch(id, at) {
      const stale = toStoredTimestamp(new Date(at.getTime() - TOUCH_RESOLUTION_MS));
      await db
        .updateTable("api_keys")
        .set({ last_used_at: toStoredTimestamp(at) })
        .where("id", "=", id)
        .where((where) => where.or([where("last_used_at", "is", null), where("last_used_at", "<=", stale)]))
        .execute();
    },
  };
}

function toRow(record: ApiKeyRecord): ApiKeyTable {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    hash: record.hash,
    role: record.role,
    app: record.app,
    team: record.team,
    models: toJsonColumn(record.models),
    clearance: record.clearance,
    limits: record.limits === null ? null : toJsonColumn(record.limits),
    kind: record.kind,
    created_at: toStoredTimestamp(record.createdAt),
    expires_at: toStoredTimestampOrNull(record.expiresAt),
    revoked_at: toStoredTimestampOrNull(record.revokedAt),
    last_used_at: toStoredTimestampOrNull(record.lastUsedAt),
  };
}

function fromRow(row: Selectable<ApiKeyTable>): ApiKeyRecord {
  const where = `api_keys ${row.id}`;
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    hash: row.hash,
    role: row.role,
    app: row.app,
    team: row.team,
    models: fromJsonColumn(row.models, apiKeyModelsSchema, `${where}.models`),
    clearance: parseStoredValue(dataClassSchema, row.clearance, `${where}.clearance`),
    limits: row.limits === null ? null : fromJsonColumn(row.limits, apiKeyLimitsSchema, `${where}.limits`),
    kind: parseStoredValue(apiKeyKindSchema, row.kind, `${where}.kind`),
    createdAt: fromStoredTimestamp(row.created_at),
    expiresAt: fromStoredTimestampOrNull(row.expires_at),
    revokedAt: fromStoredTimestampOrNull(row.revoked_at),
    lastUsedAt: fromStoredTimestampOrNull(row.last_used_at),
  };
}
