import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { progressLine } from "../runner/progress-bar.js";
import { readRedteamFile, resolveRedteamSettings } from "./redteam-config.js";

describe("redteam settings", () => {
  it("merges file, flags (which win), environment key and defaults; resolves paths from the file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-rt-config-"));
    const file = join(folder, "redteam.yaml");
    await writeFile(
      file,
      "target: http://127.0.0.1:11434/v1\nmodel: llama3.1\nprobes: jailbreak, LLM07\nout: ./runs\nseed: 3\n",
    );
    const settings = resolveRedteamSettings(
      readRedteamFile(file),
      { seed: 9, model: undefined },
      { RAMPART_REDTEAM_API_KEY: "k" },
    );
    expect(settings).toMatchObject({
      model: "llama3.1",
      seed: 9,
      probes: ["jailbreak", "LLM07"],
      out: join(folder, "runs"),
      apiKey: "k",
      concurrency: 4,
      format: ["json"],
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it("rejects unknown keys and a missing target", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-rt-config-"));
    const file = join(folder, "redteam.yaml");
    await writeFile(file, "target: http://x/v1\nmodle: typo\n");
    expect(() => readRedteamFile(file)).toThrow(/modle|Unrecognized/);
    expect(() => resolveRedteamSettings({}, { model: "m" }, {})).toThrow(/--target/);
  });

  it("draws a progress bar with an ETA", () => {
    expect(progressLine(0, 10, 0)).toContain("ETA --");
    expect(progressLine(5, 10, 5_000)).toMatch(/50% 5\/10 ETA 5s/);
    expect(progressLine(1, 100, 2_000)).toMatch(/ETA 3m18s/);
  });
});
