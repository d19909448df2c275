import { describe, expect, it } from "vitest";
import { decideUse, defaultPolicy, resolvePolicy } from "../../policy/index.js";
import { compileAcceptableUse, mergeCompiled } from "./compile-policy.js";
import { starterGovernance } from "./starter-governance.js";

describe("compile-policy", () => {
  it("turns every matrix row into a gateway rule, pair by pair and in order", () => {
    const governance = starterGovernance("2026-11-01");
    const compiled = compileAcceptableUse(governance);
    expect(compiled.acceptableUse).toHaveLength(governance.acceptableUse.length);
    governance.acceptableUse.forEach((row, index) => {
      expect(compiled.acceptableUse[index]).toMatchObject({
        role: row.role,
        model: row.target,
        decision: row.decision,
      });
    });
  });

  it("maps custom data classes by level and says so", () => {
    const compiled = compileAcceptableUse({
      classification: [{ id: "secret-sauce", level: 3, description: "", handling: [], usageLimits: [] }],
      acceptableUse: [
        { role: "intern", target: "big-model", dataClass: "secret-sauce", decision: "prohibited" },
      ],
    });
    expect(compiled.acceptableUse).toEqual([
      { role: "intern", model: "big-model", dataClass: "restricted", decision: "prohibited" },
    ]);
    expect(compiled.notes[0]).toMatch(/secret-sauce .* restricted/);
  });

  it("merges into the running policy so that the gateway decides each pair as the matrix says", () => {
    const governance = starterGovernance("2026-11-01");
    const merged = mergeCompiled(defaultPolicy(), compileAcceptableUse(governance));
    const rules = resolvePolicy(merged, { role: "any" }).acceptableUse;
    for (const row of governance.acceptableUse) {
      const first = governance.acceptableUse.find(
        (other) =>
          other.role === row.role && other.target === row.target && other.dataClass === row.dataClass,
      );
      const compiledClass = compileAcceptableUse({
        classification: governance.classification,
        acceptableUse: [row],
      }).acceptableUse[0]?.dataClass;
      if (compiledClass === undefined || compiledClass === "*")
        throw new Error("a row compiles to a rule with a class");
      expect(decideUse(rules, { role: row.role, model: row.target, dataClass: compiledClass }).decision).toBe(
        first?.decision,
      );
    }
  });
});
