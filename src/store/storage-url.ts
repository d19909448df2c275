import { isAbsolute, resolve } from "node:path";
import { RampartError } from "../core/index.js";

/** The two databases Rampart runs on. One code path (Kysely) serves both. */
export type StoreDialect = "sqlite" | "postgres";

/** `sqlite::memory:` keeps the database in memory (tests, demos); nothing is written to disk. */
const SQLITE_MEMORY = ":memory:";

/** `sqlite:<path>`: a file path, relative to the base folder, or `:memory:`. */
const SQLITE_URL = /^sqlite:(?<path>.+)$/;

/** `postgres://` or `postgresql://` followed by anything the `pg` driver understands. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\//;

export type StorageTarget =
  | { dialect: "sqlite"; file: string; memory: boolean }
  | {
      dialect: "postgres";
      connectionString: string;
      host: string;
      port: number;
      database: string;
      user: string;
      /** the password, kept only to scrub it out of driver messages */
      password: string;
    };

/** Reads a storage URL into a target. Relative SQLite paths resolve against `baseDir`. */
export function parseStorageUrl(url: string, baseDir: string): StorageTarget {
  const sqlite = SQLITE_URL.exec(url);
  if (sqlite?.groups?.path !== undefined) {
    const path = sqlite.groups.path;
    if (path === SQLITE_MEMORY) return { dialect: "sqlite", file: SQLITE_MEMORY, memory: true };
    return { dialect: "sqlite", file: isAbsolute(path) ? path : resolve(baseDir, path), memory: false };
  }
  if (POSTGRES_URL.test(url) && URL.canParse(url)) {
    const parsed = new URL(url);
    return {
      dialect: "postgres",
      connectionString: url,
      host: parsed.hostname === "" ? "localhost" : parsed.hostname,
      port: parsed.port === "" ? 5432 : Number(parsed.port),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
    };
  }
  throw new RampartError(
    "config_invalid",
    "storage.url must be sqlite:<path>, sqlite::memory: or postgres://user@host:port/database",
  );
}

/** Where the data lives, safe to print: the file, or the PostgreSQL URL with the password masked. */
export function describeStorageTarget(target: StorageTarget): string {
  if (target.dialect === "sqlite") return target.memory ? "sqlite (in memory)" : target.file;
  const user =
    target.user === "" ? "" : `${encodeURIComponent(target.user)}${target.password ? ":********" : ""}@`;
  return `postgres://${user}${target.host}:${target.port}/${target.database}`;
}

/** Removes the password from a driver message, should a driver ever echo it. */
export function scrubPassword(message: string, target: StorageTarget): string {
  if (target.dialect !== "postgres" || target.password === "") return message;
  return message
    .replaceAll(target.password, "********")
    .replaceAll(encodeURIComponent(target.password), "********");
}
