import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { ManagementChange } from "../audit/index.js";
import { loadConfig } from "../config/index.js";
import { buildFixture } from "../detect/detectors/onnx-classifier/test-support/build-fixture.js";
import { PolicyGuard } from "../gateway/policy-guard.js";
import { MemoryVault } from "../gateway/redaction/index.js";
import { loadPolicyFromConfig } from "../policy/index.js";
import { watchPolicy } from "./policy-reload.js";

function setup(policyText: string) {
  const dir = mkdtempSync(join(tmpdir(), "rampart-reload-"));
  writeFileSync(join(dir, "policy.yaml"), policyText);
  writeFileSync(join(dir, "rampart.yaml"), "policy: policy.yaml\n");
  const loaded = loadConfig({ file: join(dir, "rampart.yaml"), env: {} });
  const guard = new PolicyGuard(loadPolicyFromConfig(loaded), new MemoryVault(), { hashSalt: "s" });
  return { dir, loaded, guard };
}

const waitFor = async (condition: () => boolean) => {
  for (let attempt = 0; attempt < 50 && !condition(); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("policy hot reload", () => {
  it("applies a valid new policy and refuses an invalid one, keeping the running policy", async () => {
    const { dir, loaded, guard } = setup("version: 1\ncanary: false\n");
    const watcher = watchPolicy(loaded, guard, pino({ level: "silent" }));
    try {
      expect(guard.describe().canary).toBe(false);
      writeFileSync(join(dir, "policy.yaml"), "version: 1\ncanary: true\n");
      expect(await watcher.reload()).toBe(true);
      expect(guard.describe().canary).toBe(true);
      writeFileSync(join(dir, "policy.yaml"), "version: 1\ncanary: maybe\nunknownKey: 1\n");
      expect(await watcher.reload()).toBe(false);
      expect(guard.describe().canary).toBe(true);
    } finally {
      watcher.close();
    }
  });

  it("records every reload in the audit trail: applied with the policy's hash, refused with its problems", async () => {
    const { dir, loaded, guard } = setup("version: 1\ncanary: false\n");
    const changes: ManagementChange[] = [];
    const watcher = watchPolicy(loaded, guard, pino({ level: "silent" }), undefined, async (change) => {
      changes.push(change);
    });
    try {
      writeFileSync(join(dir, "policy.yaml"), "version: 1\ncanary: true\n");
      await watcher.reload();
      writeFileSync(join(dir, "policy.yaml"), "version: 1\nunknownKey: 1\n");
      await watcher.reload();
      expect(changes.map((change) => [change.action, change.changes?.result])).toEqual([
        ["policy.reload", "applied"],
        ["policy.reload", "refused"],
      ]);
      expect(changes[0]?.actor).toEqual({ kind: "system", id: "policy-reload" });
      expect(changes[0]?.target).toEqual({ kind: "policy", id: "policy.yaml" });
      expect(changes[0]?.changes?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(String(changes[1]?.changes?.problems)).toContain("unknownKey");
    } finally {
      watcher.close();
    }
  });

  it("refuses a policy whose classifier model cannot load, and applies it once the model is there", async () => {
    const { dir, loaded, guard } = setup("version: 1\ncanary: false\n");
    const modelDir = join(dir, "model");
    const changes: ManagementChange[] = [];
    const watcher = watchPolicy(loaded, guard, pino({ level: "silent" }), undefined, async (change) => {
      changes.push(change);
    });
    try {
      writeFileSync(
        join(dir, "policy.yaml"),
        [
          "version: 1",
          "canary: true",
          "input:",
          "  detectors:",
          "    onnx-classifier:",
          "      options:",
          `        modelDir: ${JSON.stringify(modelDir)}`,
        ].join("\n"),
      );
      expect(await watcher.reload()).toBe(false);
      expect(guard.describe().canary).toBe(false);
      expect(String(changes[0]?.changes?.problems)).toContain(modelDir);
      buildFixture(modelDir);
      expect(await watcher.reload()).toBe(true);
      expect(guard.describe().canary).toBe(true);
      expect(Object.keys(guard.describe().input.detectors)).toContain("onnx-classifier");
    } finally {
      watcher.close();
    }
  });

  it("reloads when the file changes and on SIGHUP", async () => {
    const { dir, loaded, guard } = setup("version: 1\ncanary: false\n");
    const watcher = watchPolicy(loaded, guard, pino({ level: "silent" }));
    try {
      writeFileSync(join(dir, "policy.yaml"), "version: 1\ncanary: true\n");
      await waitFor(() => guard.describe().canary);
      expect(guard.describe().canary).toBe(true);
      watcher.close();
      const second = watchPolicy(loaded, guard, pino({ level: "silent" }));
      writeFileSync(join(dir, "policy.yaml"), "version: 1\ncanary: false\n");
      process.kill(process.pid, "SIGHUP");
      await waitFor(() => !guard.describe().canary);
      expect(guard.describe().canary).toBe(false);
      second.close();
    } finally {
      watcher.close();
    }
  });
});
