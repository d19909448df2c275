import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type LoadedConfig, loadConfig } from "../../config/index.js";
import { loadPolicyFromConfig } from "../../policy/index.js";
import { configCheckIds } from "../catalog/catalog-schema.js";
import { runConfigCheck } from "./config-checks.js";

function configFrom(yaml: string): LoadedConfig {
  const directory = mkdtempSync(join(tmpdir(), "rampart-checks-"));
  writeFileSync(join(directory, "rampart.yaml"), yaml);
  return loadConfig({ cwd: directory, env: {} });
}

function check(id: (typeof configCheckIds)[number], yaml: string) {
  const loaded = configFrom(yaml);
  return runConfigCheck(id, loaded, loadPolicyFromConfig(loaded));
}

/** A configuration that satisfies every check. */
const GOOD = `
upstreams:
  - { name: local, url: "http://127.0.0.1:8000/v1" }
audit:
  sinks: [{ type: file, name: siem, format: ocsf, path: ./events.jsonl }]
limits:
  key: { requestsPerMinute: 60, tokensPerMinute: 20000 }
policy:
  version: 1
  canary: true
`;

/** For each check, a change to GOOD that makes it fail, and the problem it must report. */
const BREAKERS: Record<(typeof configCheckIds)[number], [string, RegExp]> = {
  "input-scanning": [
    "  extends: none\n  output: { detectors: { unsafe-markup: {} } }\n",
    /base policy: no input detector enabled/,
  ],
  "prompt-injection-blocked": [
    "  input: { actions: { prompt-injection: flag } }\n",
    /prompt-injection action is flag/,
  ],
  "output-scanning": [
    "  extends: none\n  input: { detectors: { secret: {} } }\n",
    /no output detector enabled/,
  ],
  "output-markup-guard": [
    "  output: { detectors: { exfiltration: { enabled: false } } }\n",
    /exfiltration detector not enabled/,
  ],
  "system-prompt-guard": [
    "  output: { actions: { system-prompt-leak: flag } }\n",
    /system-prompt-leak action is flag/,
  ],
  "harmful-output-guard": [
    "  overrides: { roles: { tester: { output: { detectors: { jailbreak-compliance: { enabled: false } } } } } }\n",
    /role tester: jailbreak-compliance detector not enabled/,
  ],
  "dangerous-command-guard": [
    "  output: { actions: { dangerous-command: allow } }\n",
    /dangerous-command action is allow/,
  ],
  "streaming-enforced": ["  stream: { mode: audit }\n", /base policy: stream mode is audit/],
  "secrets-detector": [
    "  input: { detectors: { secret: { enabled: false } } }\n",
    /secret detector not enabled/,
  ],
  "pii-redaction": ["  input: { actions: { pii: flag } }\n", /pii action is flag/],
  canary: ["  overrides: { models: { 'llama-*': { canary: false } } }\n", /model llama-\*: canary is off/],
  "fail-closed": ["  failMode: open\n", /failMode is open/],
  "limits-set": ["", /limits/],
  "audit-trail": ["", /sqlite::memory:/],
  "audit-retention": ["", /retentionDays is 90/],
  "audit-sinks": ["", /no audit sink/],
  "upstreams-declared": ["", /no upstream declared/],
};

/** Top-level replacements for the checks that read rampart.yaml rather than the policy. */
const TOP_LEVEL: Partial<Record<(typeof configCheckIds)[number], (yaml: string) => string>> = {
  "limits-set": (yaml) =>
    yaml.replace(
      "  key: { requestsPerMinute: 60, tokensPerMinute: 20000 }",
      "  key: { requestsPerMinute: 60 }",
    ),
  "audit-trail": (yaml) => `storage:\n  url: "sqlite::memory:"\n${yaml}`,
  "audit-retention": (yaml) => yaml.replace("audit:\n", "audit:\n  retentionDays: 90\n"),
  "audit-sinks": (yaml) =>
    yaml.replace("  sinks: [{ type: file, name: siem, format: ocsf, path: ./events.jsonl }]", "  sinks: []"),
  "upstreams-declared": (yaml) =>
    yaml.replace('  - { name: local, url: "http://127.0.0.1:8000/v1" }\n', "").replace("upstreams:\n", ""),
};

describe("configuration checks", () => {
  for (const id of configCheckIds) {
    it(`${id}: passes on a complete configuration and fails with a named problem when broken`, () => {
      expect(check(id, GOOD)).toMatchObject({ passed: true, problems: [] });
      const [policyPatch, problem] = BREAKERS[id];
      const broken = TOP_LEVEL[id]?.(GOOD) ?? `${GOOD}${policyPatch}`;
      const result = check(id, broken);
      expect(result.passed).toBe(false);
      expect(result.problems.join("\n")).toMatch(problem);
    });
  }
});
