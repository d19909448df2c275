import { expect, it } from "vitest";
import { isRampartError } from "../../core/index.js";
import { describeEachDatabase, useFreshStore } from "../test-support/test-databases.js";
import { apiKeyStatus } from "./api-key-record.js";
import {
  createApiKeyRepository,
  findApiKey,
  issueApiKey,
  TOUCH_RESOLUTION_MS,
} from "./api-key-repository.js";
import { generateApiKey, hashApiKey } from "./api-key-secret.js";

const start = new Date("2026-03-01T10:00:00.000Z");

describeEachDatabase("api key repository", (database) => {
  const store = useFreshStore(database);
  const repository = (now: Date = start) => createApiKeyRepository(store().db, { now: () => now });

  it("stores a key with defaults and finds it by hash, by key and by id", async () => {
    const apiKeys = repository();
    const { record, key } = await issueApiKey(apiKeys, {
      name: "billing bot",
      app: "billing",
      team: "finance",
    });
    expect(record).toMatchObject({
      name: "billing bot",
      role: "app",
      app: "billing",
      team: "finance",
      models: [],
      clearance: "internal",
      limits: null,
      kind: "gateway",
      createdAt: start,
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(record.id).toMatch(/^key_[0-9a-f]{32}$/);
    expect(record.prefix).toBe(key.slice(0, 8));
    expect(record.hash).toBe(hashApiKey(key));
    expect(await apiKeys.findByHash(record.hash)).toEqual(record);
    expect(await findApiKey(apiKeys, key)).toEqual(record);
    expect(await apiKeys.findById(record.id)).toEqual(record);
  });

  it("round-trips every field: models, limits, clearance, kind, expiry", async () => {
    const apiKeys = repository();
    const expiresAt = new Date("2027-01-01T00:00:00.123Z");
    const { record } = await issueApiKey(apiKeys, {
      name: "ops admin",
      role: "security-admin",
      models: ["llama-3.1-8b", "qwen2.5-*"],
      clearance: "restricted",
      limits: { requestsPerMinute: 60, tokensPerDay: 1_000_000 },
      kind: "admin",
      expiresAt,
    });
    const found = await apiKeys.findById(record.id);
    expect(found?.models).toEqual(["llama-3.1-8b", "qwen2.5-*"]);
    expect(found?.limits).toEqual({ requestsPerMinute: 60, tokensPerDay: 1_000_000 });
    expect(found?.clearance).toBe("restricted");
    expect(found?.kind).toBe("admin");
    expect(found?.role).toBe("security-admin");
    expect(found?.expiresAt?.toISOString()).toBe("2027-01-01T00:00:00.123Z");
    expect(found && apiKeyStatus(found, new Date("2027-01-01T00:00:00.124Z"))).toBe("expired");
    expect(found && apiKeyStatus(found, start)).toBe("active");
  });

  it("answers undefined for an unknown or malformed hash and an unknown key", async () => {
    const apiKeys = repository();
    await issueApiKey(apiKeys, { name: "one" });
    expect(await apiKeys.findByHash(generateApiKey().hash)).toBeUndefined();
    expect(await apiKeys.findByHash("' or 1=1 --")).toBeUndefined();
    expect(await findApiKey(apiKeys, "rk_not-a-key")).toBeUndefined();
    expect(await apiKeys.findById("key_missing")).toBeUndefined();
  });

  it("refuses a second key with the same hash", async () => {
    const apiKeys = repository();
    const secret = generateApiKey();
    await apiKeys.create({ name: "first" }, secret);
    await expect(apiKeys.create({ name: "second" }, secret)).rejects.toThrow();
    expect(await apiKeys.list()).toHaveLength(1);
  });

  it("rejects invalid input with invalid_request naming the field", async () => {
    const apiKeys = repository();
    const error = await apiKeys.create({ name: "x", role: "Not A Role" }, generateApiKey()).catch((e) => e);
    expect(isRampartError(error) && error.code).toBe("invalid_request");
    expect(String(error.message)).toContain("role");
    await expect(apiKeys.create({ name: "x" }, { prefix: "rk_", hash: "plain" })).rejects.toThrow(/SHA-256/);
  });

  it("lists oldest first, filters by kind, hides revoked keys unless asked", async () => {
    const first = await issueApiKey(repository(new Date("2026-03-01T10:00:00.000Z")), { name: "a" });
    const second = await issueApiKey(repository(new Date("2026-03-01T11:00:00.000Z")), {
      name: "b",
      kind: "admin",
    });
    const third = await issueApiKey(repository(new Date("2026-03-01T12:00:00.000Z")), { name: "c" });
    const apiKeys = repository();
    expect((await apiKeys.list()).map((key) => key.name)).toEqual(["a", "b", "c"]);
    expect((await apiKeys.list({ kind: "gateway" })).map((key) => key.name)).toEqual(["a", "c"]);
    expect((await apiKeys.list({ kind: "admin" })).map((key) => key.id)).toEqual([second.record.id]);
    await apiKeys.revoke(first.record.id);
    expect((await apiKeys.list()).map((key) => key.id)).toEqual([second.record.id, third.record.id]);
    expect(await apiKeys.list({ includeRevoked: true })).toHaveLength(3);
  });

  it("revokes once: the first call changes the key, later calls and unknown ids do not", async () => {
    const apiKeys = repository();
    const { record } = await issueApiKey(apiKeys, { name: "to revoke" });
    const revokedAt = new Date("2026-03-02T08:00:00.000Z");
    expect(await apiKeys.revoke(record.id, revokedAt)).toBe(true);
    expect(await apiKeys.revoke(record.id, new Date("2026-03-03T08:00:00.000Z"))).toBe(false);
    expect(await apiKeys.revoke("key_missing")).toBe(false);
    const found = await apiKeys.findByHash(record.hash);
    expect(found?.revokedAt).toEqual(revokedAt);
    expect(found && apiKeyStatus(found, revokedAt)).toBe("revoked");
  });

  it("records the last use to the minute: a touch within TOUCH_RESOLUTION_MS writes nothing", async () => {
    const apiKeys = repository();
    const { record } = await issueApiKey(apiKeys, { name: "chatty" });
    const first = new Date("2026-03-05T00:00:00.000Z");
    await apiKeys.touch(record.id, first);
    await apiKeys.touch(record.id, new Date(first.getTime() + TOUCH_RESOLUTION_MS - 1));
    expect((await apiKeys.findById(record.id))?.lastUsedAt).toEqual(first);
    const next = new Date(first.getTime() + TOUCH_RESOLUTION_MS);
    await apiKeys.touch(record.id, next);
    expect((await apiKeys.findById(record.id))?.lastUsedAt).toEqual(next);
  });

  it("records the last use and never moves it backwards", async () => {
    const apiKeys = repository();
    const { record } = await issueApiKey(apiKeys, { name: "busy" });
    const later = new Date("2026-03-05T00:00:00.000Z");
    await apiKeys.touch(record.id, later);
    expect((await apiKeys.findById(record.id))?.lastUsedAt).toEqual(later);
    await apiKeys.touch(record.id, new Date("2026-03-04T00:00:00.000Z"));
    expect((await apiKeys.findById(record.id))?.lastUsedAt).toEqual(later);
    const latest = new Date("2026-03-06T00:00:00.000Z");
    await apiKeys.touch(record.id, latest);
    expect((await apiKeys.findById(record.id))?.lastUsedAt).toEqual(latest);
  });

  it("reports a row that was altered behind its back as storage_error", async () => {
    const apiKeys = repository();
    const { record } = await issueApiKey(apiKeys, { name: "tampered" });
    await store()
      .db.updateTable("api_keys")
      .set({ models: "not json" })
      .where("id", "=", record.id)
      .execute();
    const error = await apiKeys.findById(record.id).catch((e) => e);
    expect(isRampartError(error) && error.code).toBe("storage_error");
  });
});
