import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunReport, withoutTimings } from "../redteam/report/run-report.js";
import { type RunningSimulator, startSimulator } from "../simulator/index.js";
import { openDatabase } from "../store/index.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import { runCli } from "./main.js";
import type { CliIo } from "./program.js";

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
  });

  it("passes the gate on the hardened model with a redteam.yaml", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-redteam-"));
    await writeFile(
      join(folder, "redteam.yaml"),
      `target: ${hardened.url}/v1\nmodel: sim\nprobes: [jailbreak, sensitive-information]\nstrategies: none,rot13\nout: ./out\nfailOnAsr: 0\nformat: [json]\n`,
    );
    const io = captureIo();
    expect(await runCli(["redteam", "--config-file", join(folder, "redteam.yaml")], io)).toBe(0);
    expect(io.out.join("")).toMatch(/gate: .* passed/);
    const report = parseRunReport(JSON.parse(await readFile(join(folder, "out", "report.json"), "utf8")));
    expect(report.findings).toEqual([]);
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
