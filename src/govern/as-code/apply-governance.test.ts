import fc from "fast-check";
import { expect, it } from "vitest";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { describeEachDatabase, useFreshStore } from "../../store/test-support/test-databases.js";
import { applyGovernance, readGovernance } from "./apply-governance.js";
import { recordIncidentEvidence, recordRedteamEvidence } from "./risk-evidence.js";
import { starterGovernance } from "./starter-governance.js";
import { storeGovernanceRecordsSource } from "./store-records-source.js";
import { governanceArbitrary } from "./test-support/governance-arbitrary.js";

describeEachDatabase("apply and export governance", (database) => {
  const store = useFreshStore(database);

  it("apply then export round-trips any folder over whatever was stored before (property)", async () => {
    const repository = createGovernanceRecordRepository(store().db);
    await fc.assert(
      fc.asyncProperty(governanceArbitrary, async (governance) => {
        await applyGovernance(repository, governance);
        expect(await readGovernance(repository)).toEqual(governance);
        expect(await applyGovernance(repository, governance)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("a dry run reports the changes and writes nothing", async () => {
    const repository = createGovernanceRecordRepository(store().db);
    const changes = await applyGovernance(repository, starterGovernance("2026-11-01"), { dryRun: true });
    expect(changes.length).toBeGreaterThan(10);
    expect(await repository.list()).toEqual([]);
  });

  it("answers the compliance engine's record checks from the stored records", async () => {
    const repository = createGovernanceRecordRepository(store().db, {
      now: () => new Date("2026-11-01T00:00:00.000Z"),
    });
    const starter = starterGovernance("2026-11-01");
    await applyGovernance(repository, {
      ...starter,
      training: {
        ...starter.training,
        people: { ana: "developer", bo: "developer" },
        completions: [{ person: "ana", module: "owasp-llm-top-10", at: "2026-11-05" }],
      },
    });
    const source = storeGovernanceRecordsSource(repository);
    const now = new Date("2026-11-02T00:00:00.000Z");
    expect((await source.check("raci-complete", now)).passed).toBe(true);
    expect((await source.check("policies-approved", now)).passed).toBe(true);
    expect((await source.check("inventory-complete", now)).summary).toBe("4 assets, all in order");
    const later = await source.check("training-done", new Date("2026-12-15T00:00:00.000Z"));
    expect(later.problems).toEqual(["bo: owasp-llm-top-10 overdue since 2026-12-01T00:00:00.000Z"]);
    expect((await source.check("policies-approved", new Date("2027-11-03T00:00:00.000Z"))).passed).toBe(
      false,
    );
  });

  it("stores risk moves from red-team runs and incidents with their history", async () => {
    const repository = createGovernanceRecordRepository(store().db);
    await applyGovernance(repository, starterGovernance("2026-11-01"));
    const run = { id: "run-9", finishedAt: "2026-11-03T00:00:00.000Z", asrByOwasp: { LLM02: 0.4 } };
    expect(await recordRedteamEvidence(repository, run)).toEqual([
      { change: "update", kind: "risk", id: "personal-data-to-vendor" },
    ]);
    const moved = (await readGovernance(repository)).risks.find(
      (risk) => risk.id === "personal-data-to-vendor",
    );
    expect(moved?.likelihood).toBe(5);
    expect(moved?.history[0]?.reason).toBe("red-team run run-9: attack success rate 40.0%");
    expect(
      await recordIncidentEvidence(repository, {
        id: "inc-1",
        openedAt: run.finishedAt,
        riskIds: [],
        assetIds: [],
      }),
    ).toEqual([]);
  });
});
