import { expect, it } from "vitest";
import { describeEachDatabase, useFreshStore } from "../test-support/test-databases.js";
import { createGovernanceRecordRepository } from "./govern-record-repository.js";

describeEachDatabase("governance record repository", (database) => {
  const store = useFreshStore(database);

  it("upserts and removes records in one call and lists them by kind and position", async () => {
    let now = new Date("2026-11-01T00:00:00.000Z");
    const records = createGovernanceRecordRepository(store().db, { now: () => now });
    await records.apply(
      [
        { kind: "risk", id: "b", position: 1, body: { title: "second", nested: [1, { x: null }] } },
        { kind: "risk", id: "a", position: 0, body: { title: "first" } },
        { kind: "model", id: "llama", position: 0, body: { name: "Llama ünïcode" } },
      ],
      [],
    );
    expect((await records.list()).map((r) => `${r.kind}/${r.id}`)).toEqual([
      "model/llama",
      "risk/a",
      "risk/b",
    ]);
    now = new Date("2026-11-02T00:00:00.000Z");
    await records.apply(
      [{ kind: "risk", id: "a", position: 0, body: { title: "changed" } }],
      [{ kind: "risk", id: "b" }],
    );
    const list = await records.list();
    expect(list.map((r) => [r.kind, r.id, r.body, r.updatedAt])).toEqual([
      ["model", "llama", { name: "Llama ünïcode" }, "2026-11-01T00:00:00.000Z"],
      ["risk", "a", { title: "changed" }, "2026-11-02T00:00:00.000Z"],
    ]);
  });
});
