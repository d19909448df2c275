import BetterSqlite3 from "better-sqlite3";
import { type DialectAdapter, SqliteAdapter, type SqliteDatabase, SqliteDialect } from "kysely";
import { errorMessage, RampartError } from "../core/index.js";

/**
 * How long a writer waits for another connection's lock before SQLITE_BUSY. With WAL, readers
 * never wait; writers queue up to this long.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not, which would make
 * the migrator run migrations without one. Saying so lets a failed migration roll back whole.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class RampartSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Prepared statements kept per connection, by SQL text (least recently used dropped first). */
export const SQLITE_STATEMENT_CACHE_SIZE = 200;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements kept for reuse: the
 * driver prepares every query anew, and preparing costs as much as running a small insert. A
 * statement that is busy (a streamed select still iterating) is not shared; a fresh one is prepared.
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  capacity = SQLITE_STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        if (cached.busy) return database.prepare(sql);
        // most recently used last
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (statements.size >= capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

export interface SqliteConnection {
  dialect: SqliteDialect;
  database: BetterSqlite3.Database;
}

/**
 * Opens a SQLite file (or `:memory:`) with WAL journal mode (readers do not block the writer),
 * a busy timeout and foreign keys enforced. A file that cannot be opened (missing folder, no
 * permission) is `storage_unreachable` naming the file.
 */
export function openSqlite(file: string, memory: boolean): SqliteConnection {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    if (!memory) database.pragma("journal_mode = WAL");
    database.pragma("foreign_keys = ON");
    database.pragma("synchronous = NORMAL");
  } catch (error) {
    throw new RampartError(
      "storage_unreachable",
      `cannot open SQLite database ${file}: ${errorMessage(error)}`,
      { cause: error, details: { dialect: "sqlite", file } },
    );
  }
  return { dialect: new RampartSqliteDialect({ database: withStatementCache(database) }), database };
}
