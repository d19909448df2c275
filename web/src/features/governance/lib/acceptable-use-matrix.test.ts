import type { AcceptableUseRule } from "@core/api/governance";
import { describe, expect, it } from "vitest";
import { decisionAt, matrixAxes, sameRules, setDecision } from "./acceptable-use-matrix";

const rules: AcceptableUseRule[] = [
  { role: "staff", target: "llama-3-70b", dataClass: "confidential", decision: "allowed" },
  { role: "staff", target: "hosted-gpt", dataClass: "internal", decision: "conditional" },
  { role: "staff", target: "hosted-gpt", dataClass: "public", decision: "allowed" },
  { role: "contractor", target: "hosted-gpt", dataClass: "secret", decision: "prohibited" },
];
const classes = [
  { id: "confidential", level: 2 },
  { id: "public", level: 0 },
  { id: "internal", level: 1 },
];

describe("acceptable-use matrix", () => {
  it("lists rows in the rules' order and columns by level, then unrecorded classes", () => {
    const axes = matrixAxes(rules, classes, [{ role: "staff", target: "code-tool" }]);
    expect(axes.rows.map((row) => row.key)).toEqual([
      "staff llama-3-70b",
      "staff hosted-gpt",
      "contractor hosted-gpt",
      "staff code-tool",
    ]);
    expect(axes.columns).toEqual(["public", "internal", "confidential", "secret"]);
  });

  it("reads the first rule of a cell", () => {
    const doubled = [...rules, { ...rules[1], decision: "prohibited" } as AcceptableUseRule];
    expect(decisionAt(doubled, "staff", "hosted-gpt", "internal")).toBe("conditional");
    expect(decisionAt(rules, "staff", "hosted-gpt", "confidential")).toBeUndefined();
  });

  it("changes a rule in place, appends a new one, and removes a cleared one", () => {
    const changed = setDecision(
      rules,
      { role: "staff", target: "hosted-gpt", dataClass: "internal" },
      "prohibited",
    );
    expect(changed[1]?.decision).toBe("prohibited");
    expect(changed).toHaveLength(4);
    const added = setDecision(
      rules,
      { role: "staff", target: "hosted-gpt", dataClass: "confidential" },
      "prohibited",
    );
    expect(added[4]).toEqual({
      role: "staff",
      target: "hosted-gpt",
      dataClass: "confidential",
      decision: "prohibited",
    });
    const cleared = setDecision(
      rules,
      { role: "staff", target: "llama-3-70b", dataClass: "confidential" },
      undefined,
    );
    expect(cleared.map((rule) => rule.target)).toEqual(["hosted-gpt", "hosted-gpt", "hosted-gpt"]);
    expect(rules).toHaveLength(4);
  });

  it("compares rule lists with their order", () => {
    expect(sameRules(rules, [...rules])).toBe(true);
    expect(sameRules(rules, [...rules].reverse())).toBe(false);
    expect(sameRules(rules, rules.slice(1))).toBe(false);
  });
});
