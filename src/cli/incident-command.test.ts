import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli } from "./main.js";

function cli(config: string) {
  return async (...args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli([...args, "--config", config], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => "",
      isTty: false,
    });
    return { code, stdout, stderr };
  };
}

it("creates, moves through the workflow, refuses a skipped step, reports and closes an incident", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-incident-"));
  const config = join(dir, "rampart.yaml");
  writeFileSync(config, "storage:\n  url: sqlite:./rampart.db\n");
  const run = cli(config);
  const created = await run(
    "incident",
    "create",
    "--title",
    "Key leaked in answer",
    "--playbook",
    "secret-leak",
    "--serious",
    "general",
    "--json",
  );
  expect(created.code).toBe(0);
  const id = (JSON.parse(created.stdout) as { id: string }).id;
  expect(id).toMatch(/^inc_/);
  const skipped = await run("incident", "update", id, "--status", "contained");
  expect(skipped.code).toBe(2);
  expect(skipped.stderr).toContain(`incident ${id} is open; it can move to triaged, not contained`);
  expect(
    (await run("incident", "update", id, "--status", "triaged", "--note", "rotating", "--asset", "asset_1"))
      .code,
  ).toBe(0);
  expect((await run("incident", "update", id, "--status", "resolved")).code).toBe(0);
  const listed = await run("incident", "list", "--status", "resolved");
  expect(listed.stdout).toContain(`${id}  resolved  critical secret-leak  Key leaked in answer  Art.73 due`);
  const report = await run("incident", "show", id, "--report", "md");
  expect(report.stdout).toContain("## Timeline");
  expect(report.stdout).toContain("| note | rotating |");
  expect(report.stdout).toContain("asset_1");
  expect((await run("incident", "close", id)).stdout).toContain("closed");
  const shown = await run("incident", "show", id);
  expect(shown.stdout).toContain("status      resolved -> closed");
  expect((await run("incident", "create", "--title", "x", "--severity", "huge")).stderr).toContain(
    "--severity must be",
  );
});
