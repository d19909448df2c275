import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownDetectorIds } from "../../detect/registry.js";
import { loadProbePacks } from "../../redteam/probes/load-probes.js";
import { defaultCatalogDirectory, listFrameworks, loadControls, loadFramework } from "./load-catalog.js";
import { unknownCatalogIds } from "./validate-catalog.js";

const controls = loadControls();
const detectors = new Set(knownDetectorIds());
const probes = new Set(loadProbePacks().flatMap((pack) => pack.probes.map((probe) => probe.id)));
const known = { controls: new Set(controls.keys()), detectors, probes };

/** Requirement counts of each framework: facts from the frameworks themselves. */
const EXPECTED_COUNTS: Record<string, number> = {
  "owasp-llm-2025": 10,
  "owasp-llm-checklist": 13,
  "nist-ai-rmf": 84,
  "iso-42001": 38,
  "mitre-atlas": 54,
  "eu-ai-act": 24,
};

describe("framework catalogue", () => {
  const entries = listFrameworks();

  it("ships the six frameworks", () => {
    expect(new Set(entries.map((entry) => entry.id))).toEqual(
      new Set([
        "owasp-llm-2025",
        "owasp-llm-checklist",
        "mitre-atlas",
        "nist-ai-rmf",
        "iso-42001",
        "eu-ai-act",
      ]),
    );
  });

  for (const entry of listFrameworks()) {
    it(`${entry.id}@${entry.version}: loads and names only known controls, detectors and probes`, () => {
      const framework = loadFramework(entry.id, { version: entry.version });
      expect(unknownCatalogIds(framework, controls, known)).toEqual([]);
      const expected = EXPECTED_COUNTS[entry.id];
      if (expected !== undefined) expect(framework.requirements).toHaveLength(expected);
    });
  }

  it("controls name only known detectors and probes", () => {
    const problems = [...controls.values()].flatMap((control) => [
      ...control.detectors.filter((id) => !detectors.has(id)).map((id) => `${control.id}: detector ${id}`),
      ...control.probes.filter((id) => !probes.has(id)).map((id) => `${control.id}: probe ${id}`),
    ]);
    expect(problems).toEqual([]);
  });

  it("every control is used by at least one framework", () => {
    const used = new Set(
      listFrameworks().flatMap((entry) =>
        loadFramework(entry.id, { version: entry.version }).requirements.flatMap((item) => item.controls),
      ),
    );
    expect([...controls.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("NIST AI RMF has 72 subcategories in 4 functions and the 12 generative-AI risks", () => {
    const framework = loadFramework("nist-ai-rmf");
    const subcategories = framework.requirements.filter((item) =>
      /^(GOVERN|MAP|MEASURE|MANAGE) \d\.\d+$/.test(item.id),
    );
    expect(subcategories).toHaveLength(72);
    const perFunction = (name: string) =>
      subcategories.filter((item) => item.id.startsWith(`${name} `)).length;
    expect([
      perFunction("GOVERN"),
      perFunction("MAP"),
      perFunction("MEASURE"),
      perFunction("MANAGE"),
    ]).toEqual([19, 18, 22, 13]);
    expect(framework.requirements.filter((item) => item.id.startsWith("GAI-"))).toHaveLength(12);
  });

  it("ISO/IEC 42001 Annex A runs from A.2.2 to A.10.4", () => {
    const ids = loadFramework("iso-42001").requirements.map((item) => item.id);
    expect(ids[0]).toBe("A.2.2");
    expect(ids.at(-1)).toBe("A.10.4");
  });

  it("the check fails on an unknown control, detector or probe", () => {
    const framework = loadFramework("owasp-llm-2025");
    const first = framework.requirements[0];
    if (first === undefined) throw new Error("the OWASP file has no requirements");
    const broken = {
      ...framework,
      requirements: [
        {
          ...first,
          controls: ["no-such-control"],
          detectors: ["no-such-detector"],
          probes: ["no-such-probe"],
        },
      ],
    };
    expect(unknownCatalogIds(broken, controls, known)).toEqual([
      "LLM01: unknown control no-such-control",
      "LLM01: unknown detector no-such-detector",
      "LLM01: unknown probe no-such-probe",
    ]);
  });

  it("the loader rejects a file whose count does not match expectedCount", () => {
    const directory = mkdtempSync(join(tmpdir(), "rampart-catalog-"));
    mkdirSync(join(directory, "frameworks", "owasp-llm-2025"), { recursive: true });
    const original = readFileSync(
      join(defaultCatalogDirectory(), "frameworks/owasp-llm-2025/2025.yaml"),
      "utf8",
    );
    writeFileSync(
      join(directory, "frameworks/owasp-llm-2025/2025.yaml"),
      original.replace("expectedCount: 10", "expectedCount: 11"),
    );
    expect(() => loadFramework("owasp-llm-2025", { directory })).toThrow(/10 requirements, expected 11/);
  });
});
