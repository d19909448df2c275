import { describe, expect, it } from "vitest";
import { knownDetectorIds } from "../../detect/registry.js";
import { allBaseCases, loadProbePacks, selectBaseCases } from "./load-probes.js";

describe("probe catalogue", () => {
  const packs = loadProbePacks();
  const cases = allBaseCases(packs);

  it("holds at least 300 distinct base cases with unique, stable ids", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((entry) => entry.id)).size).toBe(cases.length);
    expect(cases.map((entry) => entry.id)).toContain("pi-direct-01");
    expect(
      new Set(cases.map((entry) => `${entry.prompt}|${entry.document}|${entry.toolResult}|${entry.term}`))
        .size,
    ).toBe(cases.length);
  });

  it("names only registered detectors and gives every misinformation prompt a name", () => {
    const known = new Set(knownDetectorIds());
    for (const pack of packs) {
      for (const probe of pack.probes) {
        for (const id of probe.detectors) expect(known.has(id), `${probe.id}: ${id}`).toBe(true);
        if (probe.grader === "misinformation") expect(probe.inventedNames.length).toBe(probe.prompts.length);
        if (probe.grader === "planted-data") expect(probe.planted.length).toBeGreaterThan(0);
      }
    }
  });

  it("tags every testable OWASP category", () => {
    const tagged = new Set<string>(cases.flatMap((entry) => entry.probe.owasp));
    for (const id of ["LLM01", "LLM02", "LLM05", "LLM06", "LLM07", "LLM09", "LLM10"])
      expect(tagged.has(id)).toBe(true);
  });

  it("selects by pack, class, probe and OWASP id, and rejects unknown names", () => {
    expect(selectBaseCases(cases, ["jailbreak"]).every((entry) => entry.pack === "jailbreak")).toBe(true);
    expect(selectBaseCases(cases, ["LLM07"]).every((entry) => entry.probe.owasp.includes("LLM07"))).toBe(
      true,
    );
    expect(selectBaseCases(cases, ["pi-direct-02"]).length).toBe(1);
    expect(() => selectBaseCases(cases, ["nope"])).toThrow(/nothing matches/);
  });
});
