import type { Kysely } from "kysely";
import type { z } from "zod";
import { RampartError } from "../../core/index.js";
import type { RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, toJsonColumn } from "../json-column.js";
import { fromStoredTimestamp, toStoredTimestamp } from "../timestamps.js";
import type { RepositoryOptions } from "./api-key-repository.js";

/** A setting key: lower-case words joined by dots, dashes or underscores (`audit.chain-head`). */
export const SETTING_KEY = /^[a-z][a-z0-9._-]{0,127}$/;

export interface Setting<Value> {
  value: Value;
  updatedAt: Date;
}

/** Small server state as key/value JSON. Each reader passes the schema of the value it expects. */
export interface SettingsRepository {
  get<Schema extends z.ZodType>(key: string, schema: Schema): Promise<Setting<z.infer<Schema>> | undefined>;
  /** creates or replaces the value */
  set(key: string, value: unknown): Promise<void>;
  /** true when there was a value to delete */
  delete(key: string): Promise<boolean>;
  /** every key, sorted */
  keys(): Promise<string[]>;
}

export function createSettingsRepository(
  db: Kysely<RampartDatabase>,
  options: RepositoryOptions = {},
): SettingsRepository {
  const now = options.now ?? (() => new Date());
  return {
    async get(key, schema) {
      const row = await db
        .selectFrom("settings")
        .selectAll()
        .where("key", "=", checkKey(key))
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        value: fromJsonColumn(row.value, schema, `settings ${key}`),
        updatedAt: fromStoredTimestamp(row.updated_at),
      };
    },
    async set(key, value) {
      if (value === undefined)
        throw new RampartError("invalid_request", `setting ${key}: value is undefined`);
      const row = { key: checkKey(key), value: toJsonColumn(value), updated_at: toStoredTimestamp(now()) };
      await db
        .insertInto("settings")
        .values(row)
        .onConflict((conflict) =>
          conflict.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at }),
        )
        .execute();
    },
    async delete(key) {
      const result = await db.deleteFrom("settings").where("key", "=", checkKey(key)).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async keys() {
      const rows = await db.selectFrom("settings").select("key").orderBy("key").execute();
      return rows.map((row) => row.key);
    },
  };
}

function checkKey(key: string): string {
  if (!SETTING_KEY.test(key)) {
    throw new RampartError("invalid_request", `setting key "${key}" must match ${SETTING_KEY.source}`);
  }
  return key;
}
