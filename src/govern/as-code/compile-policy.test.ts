import { describe, expect, it } from "vitest";
import { defaultPolicy, resolvePolicy } from "../../policy/index.js";
import { compileAcceptableUse, mergeCompiled } from "./compile-policy.js";
import { starterGovernance } from "./starter-governance.js";

describe("compile-policy", () => {
  it("blocks sensitive data for prohibited roles, redacts for conditional ones, and notes what it cannot express", () => {
    const compiled = compileAcceptableUse(starterGovernance("2026-11-01"));
    expect(compiled.overrides.roles).toEqual({
      contractor: { input: { actions: { pii: "block", secret: "block" } } },
      staff: { input: { actions: { pii: "redact", secret: "redact" } } },
    });
    expect(compiled.notes).toEqual([
      "staff on llama-3-70b: matrix says allowed, enforced as conditional (overrides are per role)",
    ]);
  });

  it("notes a role barred from a model for every data class", () => {
    const compiled = compileAcceptableUse({
      classification: [{ id: "public", level: 0, description: "", handling: [], usageLimits: [] }],
      acceptableUse: [{ role: "intern", target: "big-model", dataClass: "public", decision: "prohibited" }],
    });
    expect(compiled.overrides.roles).toEqual({});
    expect(compiled.notes[0]).toMatch(/intern may not use big-model/);
  });

  it("merges into the running policy so that the gateway resolves the new action for the role", () => {
    const policy = defaultPolicy();
    const merged = mergeCompiled(policy, compileAcceptableUse(starterGovernance("2026-11-01")));
    expect(resolvePolicy(merged, { role: "contractor" }).input.actions.pii).toBe("block");
    expect(resolvePolicy(merged, { role: "staff" }).input.actions.pii).toBe("redact");
  });
});
