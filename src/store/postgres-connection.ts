import { CompiledQuery, PostgresDialect } from "kysely";
import pg from "pg";
import { errorMessage, RampartError } from "../core/index.js";
import { type StorageTarget, scrubPassword } from "./storage-url.js";

type PostgresTarget = Extract<StorageTarget, { dialect: "postgres" }>;

/** Connections held at most by one Rampart process; PostgreSQL's default limit is 100 in total. */
export const DEFAULT_POSTGRES_POOL_SIZE = 10;

/** How long to wait for a connection and its handshake, or a ping, before the store is unreachable. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/** A PostgreSQL schema name Rampart accepts: a plain lower-case identifier, so it needs no quoting. */
export const POSTGRES_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresOptions {
  poolSize?: number | undefined;
  /** how long a new connection or a ping may take; default DEFAULT_CONNECT_TIMEOUT_MS */
  connectTimeoutMs?: number | undefined;
  /** tables live in this schema (search_path); test runs use one schema each */
  schema?: string | undefined;
  /** called when an idle pooled connection fails (the pool replaces it); default: ignored */
  onPoolError?: ((error: Error) => void) | undefined;
}

export interface PostgresConnection {
  dialect: PostgresDialect;
  pool: pg.Pool;
}

export function checkSchemaName(schema: string): string {
  if (!POSTGRES_SCHEMA_NAME.test(schema)) {
    throw new RampartError(
      "config_invalid",
      `PostgreSQL schema "${schema}" must be a lower-case identifier (letters, digits, _)`,
    );
  }
  return schema;
}

export function openPostgres(target: PostgresTarget, options: PostgresOptions): PostgresConnection {
  const schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? DEFAULT_POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => options.onPoolError?.(error));
  const dialect = new PostgresDialect({
    pool,
    onCreateConnection:
      schema === undefined
        ? undefined
        : async (connection) => {
            // the name matched POSTGRES_SCHEMA_NAME, so it is a plain identifier
            await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
          },
  });
  return { dialect, pool };
}

/** Turns a connection failure into one line that names host, port and database, never the password. */
export function postgresUnreachable(target: PostgresTarget, error: unknown): RampartError {
  const reason = scrubPassword(errorMessage(error) || errorCode(error), target);
  return new RampartError(
    "storage_unreachable",
    `cannot reach PostgreSQL at ${target.host}:${target.port} (${whom(target)}): ${reason}`,
    { cause: error, details: { dialect: "postgres", host: target.host, port: target.port } },
  );
}

function whom(target: PostgresTarget): string {
  const database = `database ${target.database === "" ? "(default)" : target.database}`;
  return target.user === "" ? database : `${database}, user ${target.user}`;
}

function errorCode(error: unknown): string {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return "connection failed";
}
