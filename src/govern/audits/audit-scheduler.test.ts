import { expect, it } from "vitest";
import type { ManagementChange } from "../../audit/index.js";
import { defaultPolicy, type Policy } from "../../policy/index.js";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { describeEachDatabase, useFreshStore } from "../../store/test-support/test-databases.js";
import { applyGovernance } from "../as-code/apply-governance.js";
import { compileAcceptableUse, mergeCompiled } from "../as-code/compile-policy.js";
import { starterGovernance } from "../as-code/starter-governance.js";
import { auditRunsOf, automatedFindingsOf } from "../records/runtime-records.js";
import { type AuditScheduler, createAuditScheduler, type SchedulerClock } from "./audit-scheduler.js";
import { createAuditCheckService, nextDueAt } from "./audit-service.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const starter = starterGovernance("2026-11-01");
const compiledPolicy = mergeCompiled(defaultPolicy(), compileAcceptableUse(starter));

/** A clock whose time moves only when the test says so; due timers fire in order. */
class FakeClock implements SchedulerClock {
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;
  constructor(public time: number) {}
  now = (): Date => new Date(this.time);
  setTimer(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, callback });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  get pending(): number {
    return this.timers.length;
  }
  /** moves time forward, firing each due timer and waiting for the look it starts */
  async advance(ms: number, scheduler: AuditScheduler): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
      if (next === undefined || next.at > end) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.callback();
      await scheduler.tick(); // the look the timer started (the same promise while it runs)
    }
    this.time = end;
  }
}

describeEachDatabase("audit checks on a schedule", (database) => {
  const store = useFreshStore(database);

  function setup(start: string, policy: () => Policy = () => defaultPolicy()) {
    const clock = new FakeClock(Date.parse(start));
    const records = createGovernanceRecordRepository(store().db, { now: clock.now });
    const trail: ManagementChange[] = [];
    const service = createAuditCheckService({
      records,
      now: clock.now,
      inputs: async () => ({
        runningPolicy: policy(),
        lastRedteamAt: new Map([
          ["llama-3-70b", "2026-10-25T00:00:00.000Z"],
          ["hosted-gpt", "2026-10-25T00:00:00.000Z"],
        ]),
        auditChain: { ok: true, detail: "1 node" },
        keyAges: new Map([["rk_live1", 3]]),
      }),
      audit: {
        recordManagement: async (change) => {
          trail.push(change);
        },
      },
    });
    return { clock, records, trail, service };
  }

  it("a run stores its results, opens findings for failing checks, closes them when they pass, and is in the trail", async () => {
    let policy = defaultPolicy();
    const { records, trail, service } = setup("2026-11-01T00:00:00.000Z", () => policy);
    await applyGovernance(records, starter);
    const first = await service.run("quarterly-ai-review", {
      trigger: "manual",
      actor: { kind: "admin", id: "key_1", role: "owner" },
    });
    expect(first.run.results.map((result) => [result.check, result.passed])).toEqual([
      ["policy-drift", false],
      ["redteam-freshness", true],
      ["audit-chain", true],
      ["key-hygiene", true],
      ["model-ownership", true],
    ]);
    expect(first.run.actor).toBe("admin:key_1");
    expect(first.findings).toMatchObject([
      {
        id: "auto-policy-drift",
        check: "policy-drift",
        severity: "high",
        status: "open",
        owner: "ciso", // accountable for audits in the starter RACI
        due: "2026-11-15",
        openedAt: "2026-11-01T00:00:00.000Z",
      },
    ]);
    expect(trail).toEqual([
      expect.objectContaining({
        actor: { kind: "admin", id: "key_1", role: "owner" },
        action: "governance.audit.run",
        target: { kind: "audit", id: "quarterly-ai-review" },
        changes: expect.objectContaining({ trigger: "manual", opened: ["policy-drift"], closed: [] }),
      }),
    ]);

    policy = compiledPolicy; // the matrix is now in the running policy
    const second = await service.run("quarterly-ai-review", { trigger: "manual", actor: null });
    expect(second.findings).toMatchObject([{ check: "policy-drift", status: "closed" }]);
    expect(trail[1]?.changes).toMatchObject({ opened: [], closed: ["policy-drift"] });
    const rows = await records.list();
    expect(auditRunsOf(rows, "quarterly-ai-review").map((run) => run.id)).toHaveLength(2);
    expect(automatedFindingsOf(rows)).toHaveLength(1);
    await expect(service.run("no-such-audit", { trigger: "manual", actor: null })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("the scheduler runs a plan when it is due, then again one schedule period later, and stops cleanly", async () => {
    const { clock, records, trail, service } = setup("2026-11-01T00:00:00.000Z");
    await applyGovernance(records, starter);
    const scheduler = createAuditScheduler({
      service,
      clock,
      intervalMs: DAY,
      firstCheckMs: 60_000,
    });
    const runs = async () => auditRunsOf(await records.list(), "quarterly-ai-review");

    scheduler.start();
    expect(clock.pending).toBe(1);
    await clock.advance(59_000, scheduler);
    expect(await runs()).toEqual([]);
    await clock.advance(1_000, scheduler); // first look: never ran, so due now
    expect((await runs()).map((run) => [run.at, run.trigger, run.actor])).toEqual([
      ["2026-11-01T00:01:00.000Z", "schedule", "audit-scheduler"],
    ]);
    expect(trail[0]?.actor).toEqual({ kind: "system", id: "audit-scheduler" });

    await clock.advance(80 * DAY, scheduler); // daily looks: quarterly plan not due yet
    expect(await runs()).toHaveLength(1);
    const due = nextDueAt(starter.audits[0] as never, (await runs())[0], clock.now());
    expect(due).toBe("2027-02-01T00:01:00.000Z");

    await clock.advance(12 * DAY, scheduler); // past 2027-02-01: the next look runs it
    expect((await runs()).map((run) => run.at)).toEqual([
      "2027-02-01T00:01:00.000Z",
      "2026-11-01T00:01:00.000Z",
    ]);

    await scheduler.stop();
    expect(clock.pending).toBe(0);
    await clock.advance(400 * DAY, scheduler);
    expect(await runs()).toHaveLength(2);
  });

  it("a failing look is reported and the scheduler keeps its timer", async () => {
    const clock = new FakeClock(Date.parse("2026-11-01T00:00:00.000Z"));
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createAuditScheduler({
      service: {
        runDue: async () => {
          calls += 1;
          throw new Error("store unreachable");
        },
      },
      clock,
      intervalMs: HOUR,
      firstCheckMs: HOUR,
      onError: (error) => errors.push(error),
    });
    scheduler.start();
    await clock.advance(3 * HOUR, scheduler);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
    expect(clock.pending).toBe(1);
    await scheduler.stop();
    expect(clock.pending).toBe(0);
  });
});
