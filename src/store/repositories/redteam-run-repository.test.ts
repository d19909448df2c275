import { expect, it } from "vitest";
import { describeEachDatabase, useFreshStore } from "../test-support/test-databases.js";
import { createRedteamRunRepository, type RedteamRunRecord } from "./redteam-run-repository.js";

const run: RedteamRunRecord = {
  id: "rt-abc",
  target: "http://127.0.0.1:8788/v1",
  model: "sim",
  seed: 7,
  startedAt: new Date("2026-11-27T10:00:00.000Z"),
  finishedAt: new Date("2026-11-27T10:01:00.000Z"),
  cases: 10,
  successes: 4,
  asr: 0.4,
  overRefusalRate: 0.1,
  gatePassed: false,
  summary: { byCategory: { LLM01: { cases: 10, successes: 4 } } },
};

describeEachDatabase("red-team run repository", (database) => {
  const store = useFreshStore(database);

  it("saves, replaces and lists runs newest first", async () => {
    const runs = createRedteamRunRepository(store().db, { now: () => new Date("2026-11-27T11:00:00.000Z") });
    expect(await runs.get("rt-abc")).toBeUndefined();
    await runs.save(run);
    expect(await runs.get("rt-abc")).toEqual({ ...run, savedAt: new Date("2026-11-27T11:00:00.000Z") });
    await runs.save({ ...run, successes: 0, asr: 0, gatePassed: true });
    await runs.save({ ...run, id: "rt-new", finishedAt: new Date("2026-11-28T10:00:00.000Z") });
    const { gatePassed: _gate, ...withoutGate } = run;
    await runs.save({ ...withoutGate, id: "rt-old", finishedAt: new Date("2026-11-26T10:00:00.000Z") });
    expect((await runs.get("rt-abc"))?.gatePassed).toBe(true);
    expect((await runs.get("rt-old"))?.gatePassed).toBeUndefined();
    expect((await runs.list()).map((entry) => entry.id)).toEqual(["rt-new", "rt-abc", "rt-old"]);
  });
});
