import { describe, expect, it } from "vitest";
import { describeStorageTarget, parseStorageUrl, scrubPassword } from "./storage-url.js";

describe("parseStorageUrl", () => {
  it("resolves relative SQLite paths against the base folder and keeps absolute ones", () => {
    expect(parseStorageUrl("sqlite:./data/rampart.db", "/srv/rampart")).toEqual({
      dialect: "sqlite",
      file: "/srv/rampart/data/rampart.db",
      memory: false,
    });
    expect(parseStorageUrl("sqlite:rampart.db", "/etc/rampart")).toMatchObject({
      file: "/etc/rampart/rampart.db",
    });
    expect(parseStorageUrl("sqlite:/var/lib/rampart.db", "/srv")).toMatchObject({
      file: "/var/lib/rampart.db",
    });
    expect(parseStorageUrl("sqlite::memory:", "/srv")).toEqual({
      dialect: "sqlite",
      file: ":memory:",
      memory: true,
    });
  });

  it("reads host, port, database and user from a PostgreSQL URL", () => {
    expect(parseStorageUrl("postgres://app:s%3Acret@db.internal:6543/rampart", "/")).toMatchObject({
      dialect: "postgres",
      host: "db.internal",
      port: 6543,
      database: "rampart",
      user: "app",
      password: "s:cret",
    });
    expect(parseStorageUrl("postgresql://db/rampart", "/")).toMatchObject({
      host: "db",
      port: 5432,
      user: "",
    });
  });

  it("rejects other schemes", () => {
    expect(() => parseStorageUrl("mysql://db/x", "/")).toThrow(/storage.url must be/);
    expect(() => parseStorageUrl("sqlite:", "/")).toThrow(/storage.url must be/);
  });
});

describe("describeStorageTarget", () => {
  it("masks the password and shows the rest", () => {
    const target = parseStorageUrl("postgres://app:hunter2@db:5432/rampart?sslmode=require", "/");
    expect(describeStorageTarget(target)).toBe("postgres://app:********@db:5432/rampart");
    expect(describeStorageTarget(parseStorageUrl("postgres://db/x", "/"))).toBe("postgres://db:5432/x");
    expect(describeStorageTarget(parseStorageUrl("sqlite:a.db", "/tmp"))).toBe("/tmp/a.db");
    expect(describeStorageTarget(parseStorageUrl("sqlite::memory:", "/tmp"))).toBe("sqlite (in memory)");
  });

  it("scrubs the password, plain or URL-encoded, out of a driver message", () => {
    const target = parseStorageUrl("postgres://app:p%40ss@db/x", "/");
    expect(scrubPassword("failed for p@ss and p%40ss", target)).toBe("failed for ******** and ********");
  });
});
