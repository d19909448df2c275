import BetterSqlite3 from "better-sqlite3";
import { type DialectAdapter, SqliteAdapter, SqliteDialect } from "kysely";
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
  return { dialect: new RampartSqliteDialect({ database }), database };
}
