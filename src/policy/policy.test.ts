import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../core/index.js";
import { knownDetectorIds } from "../detect/registry.js";
import { decide } from "./decide.js";
import { DEFAULT_ACTIONS, defaultPolicy } from "./default-policy.js";
import { checkPolicy, loadPolicy } from "./load.js";
import { resolvePolicy } from "./merge.js";
import { createPolicyScanner } from "./policy-scanner.js";
import { redactText } from "./redact-text.js";

function finding(category: Finding["category"], score = 0.9, extra: Partial<Finding> = {}): Finding {
  return { detector: category, category, rule: "r", start: 0, end: 1, score, severity: "high", ...extra };
}

function issuesOf(inline: unknown): string[] {
  const result = checkPolicy({ inline });
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe("default policy", () => {
  it("has exactly the actions of the built-in default", () => {
    const policy = defaultPolicy();
    expect(policy.input.actions).toEqual({
      "prompt-injection": "block",
      secret: "block",
      "harmful-request": "block",
      pii: "redact",
      "invisible-text": "flag",
      toxicity: "flag",
    });
    expect(policy.output.actions).toEqual({
      exfiltration: "block",
      "system-prompt-leak": "block",
      "canary-leak": "block",
      "jailbreak-compliance": "block",
      "unbounded-output": "block",
      secret: "redact",
      "unsafe-markup": "redact",
      "unverified-reference": "redact",
      pii: "flag",
      "dangerous-command": "redact",
    });
    expect(policy.output.findingActions).toMatchObject({
      EMAIL: "redact",
      CREDIT_CARD: "redact",
      "context.personal-data": "redact",
    });
    expect(policy.output.findingActions.PERSON).toBeUndefined();
    expect(policy.tools.default.highImpact).toBe("approve");
    expect(policy.input.stripInvisible).toBe(true);
    expect(policy.failMode).toBe("closed");
    expect(policy.stream).toEqual({ mode: "hold-back", windowChars: 200 });
  });

  it("lists only registered detectors, each of a category with a default action", () => {
    const policy = defaultPolicy();
    const known = new Set(knownDetectorIds());
    for (const direction of ["input", "output"] as const) {
      for (const id of Object.keys(policy[direction].detectors)) expect(known.has(id)).toBe(true);
    }
    expect(Object.keys(policy.input.detectors)).toContain("invisible-text");
    expect(Object.keys(DEFAULT_ACTIONS.output)).toContain("exfiltration");
  });

  it("leaves opt-in detectors out (onnx-classifier needs an operator's model folder)", () => {
    const policy = defaultPolicy();
    expect(Object.keys(policy.input.detectors)).toContain("prompt-injection");
    expect(Object.keys(policy.input.detectors)).not.toContain("onnx-classifier");
  });

  it("passes its own validation", () => {
    expect(checkPolicy({ inline: { ...defaultPolicy(), extends: "none" } }).ok).toBe(true);
  });
});

describe("policy validation", () => {
  it("requires version 1 and reports unknown keys and bad values with their paths", () => {
    expect(issuesOf({})).toEqual(["version: expected 1"]);
    expect(
      issuesOf({
        version: 1,
        failMode: "maybe",
        input: { actions: { "prompt-injection": "explode", nonsense: "block" }, extra: true },
        stream: { windowChars: 2 },
      }),
    ).toEqual([
      'failMode: Invalid option: expected one of "closed"|"open"',
      'input.actions.prompt-injection: Invalid option: expected one of "allow"|"flag"|"redact"|"block"',
      expect.stringMatching(/^input\.actions\.nonsense: /),
      "input.extra: unknown key",
      "stream.windowChars: Too small: expected number to be >=16",
    ]);
  });

  it("rejects a detector the registry does not know, naming the known ones", () => {
    expect(issuesOf({ version: 1, input: { detectors: { "no-such-detector": {} } } })).toEqual([
      `input.detectors.no-such-detector: unknown detector "no-such-detector" (known: ${knownDetectorIds().join(", ")})`,
    ]);
  });

  it("checks detector options against the detector's schema, in overrides too", () => {
    expect(
      issuesOf({
        version: 1,
        input: { detectors: { "invisible-text": { options: { minZeroWidthRun: 1, bogus: 1 } } } },
        overrides: {
          roles: { admin: { output: { detectors: { "invisible-text": { options: { maxFindings: 0 } } } } } },
        },
      }),
    ).toEqual([
      "input.detectors.invisible-text.options.minZeroWidthRun: Too small: expected number to be >=2",
      "input.detectors.invisible-text.options: unknown option bogus",
      "overrides.roles.admin.output.detectors.invisible-text.options.maxFindings: Too small: expected number to be >=1",
    ]);
  });

  it("loads YAML files, with syntax errors as line and column, and throws one error listing every issue", () => {
    const folder = mkdtempSync(join(tmpdir(), "rampart-policy-"));
    const good = join(folder, "good.yaml");
    writeFileSync(good, "version: 1\ninput:\n  actions:\n    toxicity: block\n");
    const policy = loadPolicy({ file: good });
    expect(policy.input.actions.toxicity).toBe("block");
    expect(policy.input.actions["prompt-injection"]).toBe("block");
    expect(Object.isFrozen(policy.input)).toBe(true);
    const broken = join(folder, "broken.yaml");
    writeFileSync(broken, "version: 1\ninput: [\n");
    const result = checkPolicy({ file: broken });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toMatch(/^line \d+, column \d+$/);
    const bad = join(folder, "bad.yaml");
    writeFileSync(bad, "version: 2\nfailMode: nope\n");
    expect(() => loadPolicy({ file: bad })).toThrow(
      /bad\.yaml: 2 errors\n {2}version: expected 1\n {2}failMode:/,
    );
    expect(() => loadPolicy({ file: join(folder, "missing.yaml") })).toThrow(/cannot read policy file/);
  });

  it("starts from nothing with extends: none", () => {
    const result = checkPolicy({ inline: { version: 1, extends: "none" } });
    expect(result.ok && result.policy.input.actions).toEqual({});
  });
});

describe("overrides", () => {
  const policy = loadPolicy({
    inline: {
      version: 1,
      overrides: {
        models: {
          "llama-*": { failMode: "open" },
          "llama-3-70b": { input: { actions: { toxicity: "block" } } },
        },
        apps: { support: { input: { actions: { toxicity: "allow", pii: "flag" } } } },
        roles: { admin: { input: { actions: { pii: "allow" } }, stream: { mode: "audit" } } },
      },
    },
  });

  it("merges model, then app, then role patches shallowly", () => {
    const effective = resolvePolicy(policy, { role: "admin", app: "support", model: "llama-3-70b" });
    expect(effective.failMode).toBe("open");
    expect(effective.input.actions.toxicity).toBe("allow");
    expect(effective.input.actions.pii).toBe("allow");
    expect(effective.input.actions["prompt-injection"]).toBe("block");
    expect(effective.stream).toEqual({ mode: "audit", windowChars: 200 });
  });

  it("leaves the base policy as it is without a matching subject", () => {
    const effective = resolvePolicy(policy, { role: "app", model: "mistral" });
    expect(effective.failMode).toBe("closed");
    expect(effective.input.actions.toxicity).toBe("flag");
  });
});

describe("decide", () => {
  const policy = resolvePolicy(defaultPolicy());

  it("allows when nothing is found", () => {
    expect(decide([], policy, "input")).toMatchObject({ verdict: "allow", risk: 0, categories: [] });
  });

  it("takes the strongest action, and gives each finding its category's action", () => {
    const decision = decide(
      [finding("pii"), finding("toxicity"), finding("prompt-injection")],
      policy,
      "input",
    );
    expect(decision.verdict).toBe("block");
    expect(decision.actions.map((entry) => entry.action)).toEqual(["redact", "flag", "block"]);
    expect(decision.categories).toEqual(["pii", "prompt-injection", "toxicity"]);
  });

  it("uses the direction's section", () => {
    expect(decide([finding("pii")], policy, "output").verdict).toBe("flag");
    expect(decide([finding("pii")], policy, "input").verdict).toBe("redact");
  });

  it("flags a category the policy has no action for", () => {
    expect(decide([finding("exfiltration")], policy, "input").verdict).toBe("flag");
  });

  it("combines scores into a risk between 0 and 1 and ignores allowed findings", () => {
    const one = decide([finding("toxicity", 0.5, { severity: "medium" })], policy, "input");
    expect(one.risk).toBeCloseTo(0.35, 4);
    const two = decide(
      [finding("toxicity", 0.5, { severity: "medium" }), finding("pii", 1, { severity: "critical" })],
      policy,
      "input",
    );
    expect(two.risk).toBe(1);
    const allowed = resolvePolicy(
      loadPolicy({ inline: { version: 1, input: { actions: { toxicity: "allow" } } } }),
    );
    expect(decide([finding("toxicity")], allowed, "input")).toMatchObject({ verdict: "allow", risk: 0 });
  });

  it("blocks when a detector was skipped and the policy fails closed; passes it through when open", () => {
    const skipped = [{ detector: "x", reason: "time-budget" as const, message: "over" }];
    expect(decide([], policy, "input", skipped)).toMatchObject({ verdict: "block", failedClosed: true });
    const open = { ...policy, failMode: "open" as const };
    expect(decide([], open, "input", skipped)).toMatchObject({
      verdict: "allow",
      failedClosed: false,
      skipped,
    });
  });
});

describe("createPolicyScanner", () => {
  it("runs the enabled detectors of the direction", () => {
    const scanner = createPolicyScanner(resolvePolicy(defaultPolicy()), "input");
    expect(scanner.detectorIds).toContain("invisible-text");
    const disabled = resolvePolicy(
      loadPolicy({ inline: { version: 1, input: { detectors: { "invisible-text": { enabled: false } } } } }),
    );
    expect(createPolicyScanner(disabled, "input").detectorIds).not.toContain("invisible-text");
  });
});

describe("redactText", () => {
  it("replaces redact spans with typed placeholders, the same value with the same placeholder", () => {
    const text = "mail a@x.io and b@y.io, again a@x.io; key sk-1";
    const spans: [number, number, string | undefined, Finding["category"], "redact" | "flag"][] = [
      [5, 11, "EMAIL", "pii", "redact"],
      [16, 22, "EMAIL", "pii", "redact"],
      [30, 36, "EMAIL", "pii", "redact"],
      [42, 46, undefined, "secret", "flag"],
    ];
    const decisions = spans.map(([start, end, type, category, action]) => ({
      finding: finding(category, 0.9, { start, end, ...(type === undefined ? {} : { type }) }),
      action,
    }));
    expect(redactText(text, decisions)).toBe("mail [EMAIL_1] and [EMAIL_2], again [EMAIL_1]; key sk-1");
  });

  it("merges overlapping spans so nothing leaks", () => {
    const decisions = [
      { finding: finding("secret", 0.9, { start: 0, end: 6 }), action: "redact" as const },
      { finding: finding("pii", 0.9, { start: 4, end: 10, type: "PHONE" }), action: "redact" as const },
    ];
    expect(redactText("0123456789 tail", decisions)).toBe("[SECRET_1] tail");
  });
});

describe("path options", () => {
  it("resolves a detector's relative model folder against the policy file's folder, overrides too", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-policy-paths-"));
    writeFileSync(
      join(dir, "policy.yaml"),
      [
        "version: 1",
        "input:",
        "  detectors:",
        "    onnx-classifier:",
        "      options: { modelDir: ./models/guard }",
        "overrides:",
        "  roles:",
        "    analyst:",
        "      input:",
        "        detectors:",
        "          onnx-classifier:",
        "            options: { modelDir: /opt/models/other }",
      ].join("\n"),
    );
    // loaded from another working directory: the folder is still the policy file's
    const policy = loadPolicy({ file: "policy.yaml", cwd: dir });
    expect(policy.input.detectors["onnx-classifier"]?.options.modelDir).toBe(join(dir, "models", "guard"));
    expect(policy.overrides.roles.analyst?.input?.detectors?.["onnx-classifier"]?.options.modelDir).toBe(
      "/opt/models/other",
    );
    // options that are not paths are left alone
    expect(policy.input.detectors.pii?.options).toEqual({});
  });

  it("resolves an inline policy's relative paths against the configuration file's folder", () => {
    const policy = loadPolicy({
      inline: { version: 1, input: { detectors: { "onnx-classifier": { options: { modelDir: "m" } } } } },
      baseDir: "/etc/rampart",
    });
    expect(policy.input.detectors["onnx-classifier"]?.options.modelDir).toBe(join("/etc/rampart", "m"));
  });
});
