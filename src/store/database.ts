import { Kysely, sql } from "kysely";
import { errorMessage, RampartError } from "../core/index.js";
import type { RampartDatabase } from "./database-schema.js";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  openPostgres,
  type PostgresOptions,
  postgresUnreachable,
} from "./postgres-connection.js";
import { openSqlite } from "./sqlite-connection.js";
import {
  describeStorageTarget,
  parseStorageUrl,
  type StorageTarget,
  type StoreDialect,
} from "./storage-url.js";

export interface OpenDatabaseOptions extends PostgresOptions {
  /** folder that relative SQLite paths resolve against (the configuration file's folder); default: cwd */
  baseDir?: string | undefined;
}

/** An open database: the Kysely handle the repositories use, and its lifecycle. */
export interface Store {
  readonly dialect: StoreDialect;
  /** where the data lives, safe to print (password masked) */
  readonly location: string;
  /** the PostgreSQL schema the tables live in, when one was chosen */
  readonly schema: string | undefined;
  readonly db: Kysely<RampartDatabase>;
  /** resolves when the database answers a query; rejects with storage_unreachable otherwise (/readyz) */
  ping(): Promise<void>;
  /** closes every connection; safe to call twice */
  close(): Promise<void>;
}

/**
 * Opens the database named by a storage URL (`sqlite:./rampart.db`, `sqlite::memory:`,
 * `postgres://user:password@host:5432/db`) and checks that it answers. An unreachable database
 * throws `storage_unreachable` with a message that names the host and port (or the file) and never
 * the password.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Store> {
  const target = parseStorageUrl(url, options.baseDir ?? process.cwd());
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const store =
    target.dialect === "sqlite" ? sqliteStore(target, timeoutMs) : postgresStore(target, options, timeoutMs);
  try {
    await store.ping();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

function sqliteStore(target: Extract<StorageTarget, { dialect: "sqlite" }>, timeoutMs: number): Store {
  const { dialect } = openSqlite(target.file, target.memory);
  return newStore("sqlite", target, undefined, new Kysely<RampartDatabase>({ dialect }), timeoutMs);
}

function postgresStore(
  target: Extract<StorageTarget, { dialect: "postgres" }>,
  options: PostgresOptions,
  timeoutMs: number,
): Store {
  const { dialect } = openPostgres(target, options);
  return newStore("postgres", target, options.schema, new Kysely<RampartDatabase>({ dialect }), timeoutMs);
}

function newStore(
  dialect: StoreDialect,
  target: StorageTarget,
  schema: string | undefined,
  db: Kysely<RampartDatabase>,
  pingTimeoutMs: number,
): Store {
  let closed: Promise<void> | undefined;
  return {
    dialect,
    location: describeStorageTarget(target),
    schema,
    db,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${pingTimeoutMs} ms`)), pingTimeoutMs);
      });
      try {
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } catch (error) {
        throw unreachable(target, error);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      // Kysely's destroy ends the pg pool or closes the SQLite handle
      closed ??= db.destroy().catch((error: unknown) => {
        throw new RampartError("storage_error", `closing the store failed: ${errorMessage(error)}`, {
          cause: error,
        });
      });
      return closed;
    },
  };
}

function unreachable(target: StorageTarget, error: unknown): RampartError {
  if (target.dialect === "postgres") return postgresUnreachable(target, error);
  return new RampartError(
    "storage_unreachable",
    `SQLite database ${describeStorageTarget(target)} does not answer: ${errorMessage(error)}`,
    { cause: error, details: { dialect: "sqlite", file: target.file } },
  );
}
