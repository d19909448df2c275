import { createRequire } from "node:module";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("architecture", () => {
  it("keeps the dependency direction of docs/architecture.md and has no cycles", async () => {
    const configuration = require("../.dependency-cruiser.cjs") as {
      forbidden: unknown[];
      options: Record<string, unknown>;
    };
    const result = await cruise(["src"], {
      ...configuration.options,
      validate: true,
      ruleSet: { forbidden: configuration.forbidden },
    } as Parameters<typeof cruise>[1]);
    const output = result.output as ICruiseResult;
    const violations = output.summary.violations.map(
      (violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
    );
    expect(output.summary.totalCruised).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });

  it("keeps the dashboard's dependency rule (web/.dependency-cruiser.cjs)", async () => {
    const configuration = require("../web/.dependency-cruiser.cjs") as {
      forbidden: unknown[];
      options: Record<string, unknown>;
    };
    const result = await cruise(["web/src"], {
      ...configuration.options,
      validate: true,
      ruleSet: { forbidden: configuration.forbidden },
    } as Parameters<typeof cruise>[1]);
    const output = result.output as ICruiseResult;
    const violations = output.summary.violations.map(
      (violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
    );
    const modules = output.modules.map((module) => module.source);
    expect(modules.some((source) => source.startsWith("src/core/api/"))).toBe(true);
    expect(output.summary.totalCruised).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  });

  it("detects a forbidden import (the rule set is live)", async () => {
    const configuration = require("../.dependency-cruiser.cjs") as {
      forbidden: unknown[];
      options: Record<string, unknown>;
    };
    const result = await cruise(["test/fixtures/architecture"], {
      ...configuration.options,
      validate: true,
      ruleSet: {
        forbidden: [
          {
            name: "fixture-core-must-not-import-server",
            severity: "error",
            from: { path: "fixtures/architecture/core" },
            to: { path: "fixtures/architecture/server" },
          },
        ],
      },
    } as Parameters<typeof cruise>[1]);
    const output = result.output as ICruiseResult;
    expect(output.summary.violations.map((violation) => violation.rule.name)).toContain(
      "fixture-core-must-not-import-server",
    );
  });
});
