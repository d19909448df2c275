import { expect, it } from "vitest";
import { z } from "zod";
import { isRampartError } from "../../core/index.js";
import { describeEachDatabase, useFreshStore } from "../test-support/test-databases.js";
import { createSettingsRepository } from "./settings-repository.js";

const chainHeadSchema = z.strictObject({ sequence: z.int(), hash: z.string() });

describeEachDatabase("settings repository", (database) => {
  const store = useFreshStore(database);

  it("stores, replaces and deletes a JSON value with its update time", async () => {
    let now = new Date("2026-04-01T00:00:00.000Z");
    const settings = createSettingsRepository(store().db, { now: () => now });
    expect(await settings.get("audit.chain-head", chainHeadSchema)).toBeUndefined();
    await settings.set("audit.chain-head", { sequence: 1, hash: "ab" });
    expect(await settings.get("audit.chain-head", chainHeadSchema)).toEqual({
      value: { sequence: 1, hash: "ab" },
      updatedAt: now,
    });
    now = new Date("2026-04-02T00:00:00.000Z");
    await settings.set("audit.chain-head", { sequence: 2, hash: "cd" });
    expect(await settings.get("audit.chain-head", chainHeadSchema)).toEqual({
      value: { sequence: 2, hash: "cd" },
      updatedAt: now,
    });
    expect(await settings.delete("audit.chain-head")).toBe(true);
    expect(await settings.delete("audit.chain-head")).toBe(false);
    expect(await settings.get("audit.chain-head", chainHeadSchema)).toBeUndefined();
  });

  it("keeps strings, numbers, booleans, null and nested values apart, and lists keys sorted", async () => {
    const settings = createSettingsRepository(store().db);
    await settings.set("setup.done", true);
    await settings.set("a.text", 'hello "quoted" ünïcode');
    await settings.set("a.null", null);
    await settings.set("b.nested", { list: [1, 2, { deep: "x" }] });
    expect((await settings.get("setup.done", z.boolean()))?.value).toBe(true);
    expect((await settings.get("a.text", z.string()))?.value).toBe('hello "quoted" ünïcode');
    expect((await settings.get("a.null", z.null()))?.value).toBeNull();
    expect((await settings.get("b.nested", z.unknown()))?.value).toEqual({ list: [1, 2, { deep: "x" }] });
    expect(await settings.keys()).toEqual(["a.null", "a.text", "b.nested", "setup.done"]);
  });

  it("fails with storage_error when the stored value does not match the reader's schema", async () => {
    const settings = createSettingsRepository(store().db);
    await settings.set("audit.chain-head", { sequence: "one" });
    const error = await settings.get("audit.chain-head", chainHeadSchema).catch((e) => e);
    expect(isRampartError(error) && error.code).toBe("storage_error");
  });

  it("rejects malformed keys and undefined values", async () => {
    const settings = createSettingsRepository(store().db);
    await expect(settings.set("Bad Key", 1)).rejects.toThrow(/setting key/);
    await expect(settings.get("", z.unknown())).rejects.toThrow(/setting key/);
    await expect(settings.set("ok.key", undefined)).rejects.toThrow(/undefined/);
  });
});
