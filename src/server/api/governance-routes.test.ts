import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/index.js";
import { applyGovernance } from "../../govern/as-code/apply-governance.js";
import { starterGovernance } from "../../govern/as-code/starter-governance.js";
import { createApiKeyRepository, issueApiKey, migrateToLatest, openDatabase } from "../../store/index.js";
import { createAuditRepository } from "../../store/repositories/audit-event-repository.js";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { type RunningServer, startServer } from "../serve.js";

type Role = "admin" | "security" | "auditor" | "owner";
const roles: Role[] = ["admin", "security", "auditor", "owner"];
const starter = starterGovernance("2026-11-01");
const aiidFixture = readFileSync(
  new URL("../../govern/aiid/fixtures/incidents.csv", import.meta.url),
  "utf8",
);

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of JSON answers
  body: any;
  text: string;
  type: string;
}

/** A real `rampart serve` on 127.0.0.1 (SQLite in a temp folder, the configured policy in a file). */
async function startGovernanceServer(options: {
  dir: string;
  seed?: (url: string) => Promise<void>;
  auditSchedule?: { firstCheckMs?: number; intervalMs?: number };
}) {
  writeFileSync(join(options.dir, "policy.yaml"), "# the gateway policy\nversion: 1\n");
  writeFileSync(
    join(options.dir, "rampart.yaml"),
    [
      "server:",
      "  host: 127.0.0.1",
      "  port: 0",
      "storage:",
      "  url: sqlite:./rampart.db",
      "policy: ./policy.yaml",
    ].join("\n"),
  );
  if (options.seed) await options.seed(`sqlite:${join(options.dir, "rampart.db")}`);
  const server = await startServer({
    loaded: loadConfig({ file: join(options.dir, "rampart.yaml"), env: {} }),
    logger: pino({ level: "silent" }),
    auditSchedule: options.auditSchedule ?? { firstCheckMs: 3_600_000 },
  });
  const keys = createApiKeyRepository(server.store.db);
  const admin = { kind: "admin" as const, app: null, team: null, models: [], expiresAt: null };
  const keyOf = {} as Record<Role, { key: string; id: string }>;
  for (const role of roles) {
    const issued = await issueApiKey(keys, { ...admin, name: `${role} key`, role });
    keyOf[role] = { key: issued.key, id: issued.record.id };
  }
  const call = async (method: string, path: string, role: Role | null, body?: unknown): Promise<Answer> => {
    const response = await request(`${server.url}${path}`, {
      method: method as "GET",
      headers: {
        ...(role === null ? {} : { authorization: `Bearer ${keyOf[role].key}` }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    const type = String(response.headers["content-type"] ?? "");
    return { status: response.statusCode, text, type, body: type.includes("json") ? JSON.parse(text) : text };
  };
  /** management.change events in the audit trail: action, actor id and target id */
  const trail = async () => {
    const repository = createAuditRepository(server.store.db);
    const events = [];
    for (const node of await repository.nodes()) events.push(...(await repository.events(node, 0, 100_000)));
    return events
      .filter((event) => event.type === "management.change")
      .map((event) => JSON.parse(event.envelope))
      .map((envelope) => ({
        action: envelope.payload.action as string,
        actor: envelope.actor as { kind: string; id: string },
        target: envelope.payload.target.id as string,
        changes: envelope.payload.changes,
      }));
  };
  return { server, call, keyOf, trail };
}

describe("governance API on a real server", () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-governance-api-"));
  let server: RunningServer;
  let call: Awaited<ReturnType<typeof startGovernanceServer>>["call"];
  let keyOf: Awaited<ReturnType<typeof startGovernanceServer>>["keyOf"];
  let trail: Awaited<ReturnType<typeof startGovernanceServer>>["trail"];

  beforeAll(async () => {
    ({ server, call, keyOf, trail } = await startGovernanceServer({ dir }));
    const applied = await call("PUT", "/api/v1/governance", "owner", starter);
    expect(applied.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the whole register and applies it (dry run first); an auditor reads but may not write", async () => {
    expect((await call("GET", "/api/v1/governance", "auditor")).body).toEqual(starter);
    const changed = { ...starter, risks: starter.risks.slice(0, -1) };
    const dry = await call("PUT", "/api/v1/governance?dryRun=true", "owner", changed);
    expect(dry.body).toEqual({
      dryRun: true,
      changes: [{ change: "remove", kind: "risk", id: starter.risks.at(-1)?.id }],
    });
    expect((await call("GET", "/api/v1/governance", "auditor")).body.risks).toHaveLength(
      starter.risks.length,
    );
    expect((await call("PUT", "/api/v1/governance", "auditor", starter)).status).toBe(403);
    expect((await call("GET", "/api/v1/governance", null)).status).toBe(401);
  });

  it("compiles the acceptable-use matrix as a dry run, then applies it to the gateway's policy file", async () => {
    const draft = [{ role: "staff", target: "hosted-gpt", dataClass: "public", decision: "allowed" }];
    const preview = await call("POST", "/api/v1/governance/acceptable-use/compile", "auditor", {
      rules: draft,
    });
    expect(preview.body.compiled).toEqual([
      { role: "staff", model: "hosted-gpt", dataClass: "public", decision: "allowed" },
    ]);

    const before = await call("POST", "/api/v1/governance/acceptable-use/compile", "owner", {});
    expect(before.body.changed).toBe(true);
    expect(before.body.added).toHaveLength(starter.acceptableUse.length);
    expect(before.body.diff.some((line: string) => line.startsWith("+ "))).toBe(true);

    const drift = await call("POST", "/api/v1/governance/audits/quarterly-ai-review/run", "owner");
    expect(drift.body.run.results.find((r: { check: string }) => r.check === "policy-drift").passed).toBe(
      false,
    );

    const applied = await call("POST", "/api/v1/governance/acceptable-use/apply", "security");
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ reloaded: true, file: join(dir, "policy.yaml") });
    const file = readFileSync(join(dir, "policy.yaml"), "utf8");
    expect(file).toContain("# the gateway policy");
    expect(file).toContain("acceptableUse:");
    const policy = (await call("GET", "/api/v1/policy", "auditor")).body.policy;
    expect(policy.acceptableUse).toHaveLength(starter.acceptableUse.length);
    const after = await call("POST", "/api/v1/governance/acceptable-use/compile", "owner", {});
    expect(after.body).toMatchObject({ changed: false, added: [], removed: [] });
    expect((await trail()).some((event) => event.action === "policy.acceptable-use.apply")).toBe(true);

    const run = await call("POST", "/api/v1/governance/audits/quarterly-ai-review/run", "owner");
    expect(run.body.run.results.find((r: { check: string }) => r.check === "policy-drift").passed).toBe(true);
    expect(run.body.findings).toContainEqual(
      expect.objectContaining({ check: "policy-drift", status: "closed" }),
    );
  });

  it("follows the role matrix: governance:write for records, policy:write to apply the matrix to the gateway", async () => {
    const cells: [string, string, unknown, Record<Role, boolean>][] = [
      [
        "GET",
        "/api/v1/governance/risks",
        undefined,
        { admin: true, security: true, auditor: true, owner: true },
      ],
      [
        "POST",
        "/api/v1/governance/raci/validate",
        starter.raci,
        { admin: true, security: true, auditor: true, owner: true },
      ],
      [
        "PUT",
        "/api/v1/governance/raci/training",
        starter.raci.training,
        { admin: true, security: false, auditor: false, owner: true },
      ],
      [
        "POST",
        "/api/v1/governance/acceptable-use/apply",
        undefined,
        { admin: true, security: true, auditor: false, owner: false },
      ],
    ];
    for (const [method, path, body, row] of cells)
      for (const role of roles) {
        const answer = await call(method, path, role, body);
        if (row[role]) expect(answer.status, `${method} ${path} as ${role}`).toBeLessThan(300);
        else {
          expect(answer.status, `${method} ${path} as ${role}`).toBe(403);
          expect(answer.body.error.code).toBe("forbidden");
        }
      }
  });

  it("creates, reads, replaces and deletes models; each write is in the audit trail with its actor", async () => {
    const model = { ...starter.assets.models[1], id: "vendor-llm", name: "Vendor LLM" };
    const created = await call("POST", "/api/v1/governance/models", "owner", model);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "vendor-llm", deployment: "saas" });
    expect((await call("POST", "/api/v1/governance/models", "owner", model)).status).toBe(400);
    expect((await call("GET", "/api/v1/governance/models/vendor-llm", "auditor")).body.name).toBe(
      "Vendor LLM",
    );

    const replaced = await call("PUT", "/api/v1/governance/models/vendor-llm", "owner", {
      ...model,
      owner: "",
    });
    expect(replaced.body.owner).toBe("");
    const mismatch = await call("PUT", "/api/v1/governance/models/vendor-llm", "owner", {
      ...model,
      id: "other",
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.message).toContain("id");

    expect((await call("DELETE", "/api/v1/governance/models/vendor-llm", "owner")).body).toEqual({
      id: "vendor-llm",
      deleted: true,
    });
    expect((await call("GET", "/api/v1/governance/models/vendor-llm", "owner")).status).toBe(404);

    const actions = (await trail()).filter((event) => event.target === "vendor-llm");
    expect(actions.map((event) => [event.action, event.actor.id])).toEqual([
      ["governance.model.create", keyOf.owner.id],
      ["governance.model.update", keyOf.owner.id],
      ["governance.model.delete", keyOf.owner.id],
    ]);
  });

  it("validates every write with the apply schema and the register's rules, naming the field path", async () => {
    const badRisk = { ...starter.risks[0], id: "new-risk", likelihood: 9 };
    const risk = await call("POST", "/api/v1/governance/risks", "owner", badRisk);
    expect(risk.status).toBe(400);
    expect(risk.body.error.message).toContain("likelihood");

    // the dataset's lineage names the model: deleting it breaks a reference
    const referenced = await call("DELETE", "/api/v1/governance/models/llama-3-70b", "owner");
    expect(referenced.status).toBe(400);
    expect(referenced.body.error.message).toBe(
      'assets.yaml: datasets.0.retrieval: unknown model "llama-3-70b"',
    );
    expect(referenced.body.error.param).toBe("datasets.0.retrieval");

    const prompt = { ...starter.assets.systemPrompts[0], id: "changed", text: "another text" };
    const hash = await call("POST", "/api/v1/governance/system-prompts", "owner", prompt);
    expect(hash.body.error.message).toBe("assets.yaml: systemPrompts.1.sha256: does not match the text");
  });

  it("shows each model's shared-responsibility matrix and which controls are the organisation's duty", async () => {
    const assets = (await call("GET", "/api/v1/governance/assets", "auditor")).body;
    const party = (id: string, control: string) =>
      assets.models
        .find((model: { id: string }) => model.id === id)
        .controls.find((item: { control: string }) => item.control === control).party;
    expect(party("hosted-gpt", "adversarial-testing")).toBe("provider");
    expect(party("llama-3-70b", "adversarial-testing")).toBe("customer");
    expect(party("hosted-gpt", "input-scanning")).toBe("shared");
    const hosted = assets.models.find((model: { id: string }) => model.id === "hosted-gpt");
    expect(hosted.responsibilityMatrix).toContainEqual({
      layer: "model-safety",
      party: "provider",
      overridden: false,
    });
    expect(hosted.organisationDuties).toEqual([
      "ai-usage",
      "identity-and-access",
      "data-governance",
      "prompts-and-outputs",
    ]);

    const overview = (await call("GET", "/api/v1/governance/responsibility", "auditor")).body;
    const holder = (control: string) =>
      overview.controls.find((item: { control: string }) => item.control === control).holder;
    expect(holder("adversarial-testing")).toBe("organisation"); // the on-premises model needs it
    expect(overview.defaults.saas.infrastructure).toBe("provider");
  });

  it("validates a RACI chart as a dry run and refuses to save one that breaks the rule", async () => {
    const broken = { ...starter.raci, audits: { ciso: "A", dpo: "A" }, training: { ciso: "A" } };
    const dry = await call("POST", "/api/v1/governance/raci/validate", "auditor", broken);
    expect(dry.body.valid).toBe(false);
    expect(dry.body.issues).toEqual([
      { activity: "audits", message: "has 2 accountable roles (A); it needs exactly one" },
      { activity: "audits", message: "has no responsible role (R)" },
      { activity: "training", message: "has no responsible role (R)" },
    ]);
    expect(dry.body.activities.find((item: { activity: string }) => item.activity === "audits")).toEqual({
      activity: "audits",
      accountable: ["ciso", "dpo"],
      responsible: [],
      issues: ["has 2 accountable roles (A); it needs exactly one", "has no responsible role (R)"],
    });
    const saved = await call("PUT", "/api/v1/governance/raci", "owner", broken);
    expect(saved.status).toBe(400);
    expect(saved.body.error.message).toBe(
      "raci.yaml: audits: has 2 accountable roles (A); it needs exactly one",
    );
    const activity = await call("PUT", "/api/v1/governance/raci/audits", "owner", { ciso: "R" });
    expect(activity.status).toBe(400);
    expect(activity.body.error.message).toContain("raci.yaml: audits:");
    expect((await call("GET", "/api/v1/governance/raci", "auditor")).body.chart.audits).toEqual(
      starter.raci.audits,
    );

    const csv = await call("GET", "/api/v1/governance/raci?format=csv", "auditor");
    expect(csv.type).toContain("text/csv");
    expect(csv.text.startsWith("activity,")).toBe(true);
  });

  it("lists risks with scores and inherent and residual heat-map counts", async () => {
    const risks = (await call("GET", "/api/v1/governance/risks", "auditor")).body;
    expect(risks.data[0]).toMatchObject({
      id: "prompt-injection",
      inherent: 16,
      residual: 8,
      band: "medium",
      residualLikelihood: 2,
    });
    const total = (grid: number[][]) => grid.flat().reduce((sum, count) => sum + count, 0);
    expect(total(risks.counts.inherent)).toBe(risks.data.length);
    expect(total(risks.counts.residual)).toBe(risks.data.length);
    // prompt-injection: likelihood 4, impact 4 inherent; residual 8 sits at likelihood 2, impact 4
    expect(risks.heatMap[3][3]).toContain("prompt-injection");
    expect(risks.residualHeatMap[1][3]).toContain("prompt-injection");
  });

  it("approves a policy with the signed-in admin as approver", async () => {
    const draft = { ...starter.policies[0], id: "genai-use", state: "draft", approver: "", approvedAt: "" };
    expect((await call("POST", "/api/v1/governance/policies", "owner", draft)).body).toMatchObject({
      state: "draft",
      reviewDue: null,
    });
    const approved = await call("POST", "/api/v1/governance/policies/genai-use/approve", "owner");
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: "approved", approver: "owner key", reviewOverdue: false });
    expect(approved.body.approvedAt).toBe(new Date().toISOString().slice(0, 10));
    expect((await trail()).find((event) => event.action === "governance.policy.approve")).toMatchObject({
      actor: { id: keyOf.owner.id },
      target: "genai-use",
    });
    expect((await call("POST", "/api/v1/governance/policies/none/approve", "owner")).status).toBe(404);
  });

  it("runs an audit plan's checks on demand: results, findings and the trail", async () => {
    const answer = await call("POST", "/api/v1/governance/audits/quarterly-ai-review/run", "admin");
    expect(answer.status).toBe(200);
    const results = Object.fromEntries(
      answer.body.run.results.map((r: { check: string; passed: boolean | null }) => [r.check, r.passed]),
    );
    expect(results).toMatchObject({ "audit-chain": true, "key-hygiene": true, "model-ownership": true });
    expect(results["redteam-freshness"]).toBe(false); // no model was ever red-teamed
    expect(answer.body.findings).toContainEqual(
      expect.objectContaining({ id: "auto-redteam-freshness", status: "open", owner: "ciso" }),
    );
    const audit = (await call("GET", "/api/v1/governance/audits/quarterly-ai-review", "auditor")).body;
    expect(audit.lastRun.id).toBe(answer.body.run.id);
    expect(audit.openFindings).toBeGreaterThanOrEqual(1);
    expect(Date.parse(audit.nextDueAt)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    const runs = (await call("GET", "/api/v1/governance/audits/quarterly-ai-review/runs", "auditor")).body
      .data;
    expect(runs[0].actor).toBe(`admin:${keyOf.admin.id}`);
    expect((await trail()).filter((event) => event.action === "governance.audit.run").at(-1)).toMatchObject({
      actor: { kind: "admin", id: keyOf.admin.id },
      target: "quarterly-ai-review",
    });
    expect((await call("POST", "/api/v1/governance/audits/none/run", "owner")).status).toBe(404);
  });

  it("keeps training people and completions and lists assignments", async () => {
    await call("PUT", "/api/v1/governance/training/people/ana", "owner", { role: "developer" });
    const training = (
      await call("PUT", "/api/v1/governance/training/people/bo", "owner", { role: "developer" })
    ).body;
    expect(
      training.assignments.map((a: { person: string; module: string }) => `${a.person}:${a.module}`),
    ).toEqual(["ana:owasp-llm-top-10", "bo:owasp-llm-top-10"]);
    expect(training.overdue).toEqual([]);
    const done = await call("POST", "/api/v1/governance/training/completions", "owner", {
      person: "ana",
      module: "owasp-llm-top-10",
      at: "2026-11-20",
    });
    expect(done.status).toBe(201);
    expect(done.body.assignments[0]).toMatchObject({
      person: "ana",
      completedAt: "2026-11-20",
      overdue: false,
    });
    expect((await call("DELETE", "/api/v1/governance/training/completions/ana/none", "owner")).status).toBe(
      404,
    );
    const unknownModule = await call("POST", "/api/v1/governance/training/completions", "owner", {
      person: "ana",
      module: "Not An Id",
      at: "2026-11-20",
    });
    expect(unknownModule.status).toBe(400);
  });

  it("imports AI Incident Database incidents and shows those that involve the inventory", async () => {
    const imported = await call("POST", "/api/v1/governance/aiid-incidents/import", "owner", {
      csv: aiidFixture,
    });
    expect(imported.body.imported).toBe(2);
    const list = (await call("GET", "/api/v1/governance/aiid-incidents", "auditor")).body.data;
    expect(
      list.map((item: { incidentId: number; matches: string[] }) => [item.incidentId, item.matches]),
    ).toEqual([
      [1, []],
      [2, ["vendor hosted-api-vendor", "model hosted-gpt"]],
    ]);
  });
});

describe("scheduled audit checks inside rampart serve", () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-governance-schedule-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs a due plan on the scheduler's timer, records it, and stops with the server", async () => {
    const { server, call, trail } = await startGovernanceServer({
      dir,
      seed: async (url) => {
        const store = await openDatabase(url);
        await migrateToLatest(store);
        await applyGovernance(createGovernanceRecordRepository(store.db), starter);
        await store.close();
      },
      auditSchedule: { firstCheckMs: 100, intervalMs: 3_600_000 },
    });
    try {
      let runs: { trigger: string; actor: string }[] = [];
      for (let attempt = 0; attempt < 100 && runs.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        runs = (await call("GET", "/api/v1/governance/audits/quarterly-ai-review/runs", "auditor")).body.data;
      }
      expect(runs.map((run) => [run.trigger, run.actor])).toEqual([["schedule", "audit-scheduler"]]);
      const event = (await trail()).find((item) => item.action === "governance.audit.run");
      expect(event?.actor).toEqual({ kind: "system", id: "audit-scheduler" });
    } finally {
      await server.close();
    }
  }, 60_000);
});
