import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunReport, withoutTimings } from "../redteam/report/run-report.js";
import { redteamRunPayload } from "../server/redteam-run-event.js";
import { type RunningSimulator, startSimulator } from "../simulator/index.js";
import { openDatabase } from "../store/index.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import { runCli } from "./main.js";
import type { CliIo } from "./program.js";
import { trailEvents } from "./test-support/audit-events.js";

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
    isTty: false,
  };
}

describe("rampart redteam", () => {
  let vulnerable: RunningSimulator;
  let hardened: RunningSimulator;
  beforeAll(async () => {
    vulnerable = await startSimulator({ profile: "vulnerable" });
    hardened = await startSimulator({ profile: "hardened" });
  });
  afterAll(async () => {
    await vulnerable.close();
    await hardened.close();
  });

  it("scans over HTTP, writes report.json, fails the gate on the vulnerable model and saves evidence", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-redteam-"));
    const out = join(folder, "run");
    await writeFile(join(folder, "rampart.yaml"), "storage:\n  url: sqlite:./rampart.db\n");
    const io = captureIo();
    const code = await runCli(
      [
        "redteam",
        "--target",
        `${vulnerable.url}/v1`,
        "--model",
        "sim",
        "--probes",
        "prompt-injection,system-prompt-extraction",
        "--strategies",
        "none,base64",
        "--out",
        out,
        "--fail-on-asr",
        "0.1",
        "--concurrency",
        "8",
        "--config",
        join(folder, "rampart.yaml"),
        "--actor",
        "ci-bot",
      ],
      io,
    );
    expect(io.err.join("")).toBe("");
    expect(code).toBe(1);
    const report = parseRunReport(JSON.parse(await readFile(join(out, "report.json"), "utf8")));
    expect(report.summary.asr).toBeGreaterThan(0.5);
    expect(report.run.gatePassed).toBe(false);
    expect(io.out.join("")).toMatch(/gate: ASR .* FAILED/);
    const store = await openDatabase(`sqlite:${join(folder, "rampart.db")}`);
    try {
      const saved = await createRedteamRunRepository(store.db).get(report.run.id);
      expect(saved?.asr).toBe(report.summary.asr);
      expect(saved?.gatePassed).toBe(false);
    } finally {
      await store.close();
    }
    // the run is in the audit trail as a redteam.run event with its actor, and the trail verifies
    const [event, ...others] = await trailEvents(join(folder, "rampart.yaml"));
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      type: "redteam.run",
      actor: { kind: "cli", id: "ci-bot" },
      payload: {
        runId: report.run.id,
        target: `${vulnerable.url}/v1`,
        probes: report.run.probes.length,
        findings: report.findings.length,
        passed: false,
        summary: {
          model: "sim",
          cases: report.summary.cases,
          successes: report.summary.successes,
          failOnAsr: 0.1,
          gatePassed: false,
        },
      },
    });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(event?.node).toMatch(/-cli$/);
    // never the attack prompts or the answers
    expect(JSON.stringify(event)).not.toContain(report.findings[0]?.response ?? "-");
    const verified = captureIo();
    expect(await runCli(["audit", "verify", "--config", join(folder, "rampart.yaml")], verified)).toBe(0);
    expect(verified.out.join("")).toContain("ok: 1 events");
    // credentials in the target URL stay out of the trail
    expect(
      redteamRunPayload(
        { ...report, run: { ...report.run, target: "http://u:pw@gpu.example:8000/v1" } },
        false,
      ).target,
    ).toBe("http://gpu.example:8000/v1");

    const again = captureIo();
    expect(
      await runCli(
        [
          "redteam",
          "run",
          "--target",
          `${vulnerable.url}/v1`,
          "--model",
          "sim",
          "--probes",
          "prompt-injection,system-prompt-extraction",
          "--strategies",
          "none,base64",
          "--out",
          out,
          "--regrade",
        ],
        again,
      ),
    ).toBe(0);
    const regraded = parseRunReport(JSON.parse(await readFile(join(out, "report.json"), "utf8")));
    const {
      failOnAsr: _a,
      gatePassed: _b,
      ...firstRun
    } = withoutTimings(report) as { run: Record<string, unknown> } & Record<string, unknown>;
    expect((withoutTimings(regraded) as Record<string, unknown>).findings).toEqual(firstRun.findings);
    // without --config there is no store: the regrade is not recorded (only the first run and the verification are)
    expect((await trailEvents(join(folder, "rampart.yaml"))).map((item) => item.type)).toEqual([
      "redteam.run",
      "audit.verification",
    ]);
  });

  it("passes the gate on the hardened model with a redteam.yaml", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-redteam-"));
    await writeFile(
      join(folder, "redteam.yaml"),
      `target: ${hardened.url}/v1\nmodel: sim\nprobes: [jailbreak, sensitive-information]\nstrategies: none,rot13\nout: ./out\nfailOnAsr: 0\nformat: [json]\n`,
    );
    await writeFile(join(folder, "rampart.yaml"), "storage:\n  url: sqlite:./rampart.db\n");
    const io = captureIo();
    expect(
      await runCli(
        ["redteam", "--config-file", join(folder, "redteam.yaml"), "--config", join(folder, "rampart.yaml")],
        io,
      ),
    ).toBe(0);
    expect(io.out.join("")).toMatch(/gate: .* passed/);
    const report = parseRunReport(JSON.parse(await readFile(join(folder, "out", "report.json"), "utf8")));
    expect(report.findings).toEqual([]);
    const events = await trailEvents(join(folder, "rampart.yaml"));
    expect(events).toEqual([
      expect.objectContaining({
        type: "redteam.run",
        actor: { kind: "cli", id: userInfo().username },
        payload: expect.objectContaining({ runId: report.run.id, findings: 0, passed: true }),
      }),
    ]);
  });

  it("with a store whose signing key is missing, refuses before the run starts", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-redteam-"));
    const config = join(folder, "rampart.yaml");
    await writeFile(config, "storage:\n  url: sqlite:./rampart.db\n");
    expect(await runCli(["keys", "create", "--name", "x", "--config", config], captureIo())).toBe(0);
    await rm(join(folder, "rampart-audit-signing-key.pem"));
    const io = captureIo();
    const args = ["redteam", "--target", `${hardened.url}/v1`, "--model", "sim", "--probes", "jailbreak"];
    expect(
      await runCli([...args, "--strategies", "none", "--out", join(folder, "run"), "--config", config], io),
    ).toBe(2);
    expect(io.err.join("")).toContain("no audit signing key was found");
    // the run folder (made before the first request) was never created
    expect(existsSync(join(folder, "run"))).toBe(false);
    expect((await trailEvents(config)).map((event) => event.type)).toEqual(["management.change"]);
  });

  it("reports usage errors with exit 2", async () => {
    const io = captureIo();
    expect(await runCli(["redteam", "--model", "x"], io)).toBe(2);
    expect(io.err.join("")).toMatch(/--target/);
    const other = captureIo();
    expect(
      await runCli(
        ["redteam", "--target", "http://127.0.0.1:1/v1", "--model", "x", "--strategies", "nope"],
        other,
      ),
    ).toBe(2);
    expect(other.err.join("")).toMatch(/unknown strategy/);
  });
});
