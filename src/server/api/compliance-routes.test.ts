import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { extract } from "tar";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSigningKeyPath, loadSigningKey } from "../../audit/signing-key.js";
import { complianceReportSchema as contractReportSchema } from "../../core/api/compliance.js";
import { type GatewayHarness, startGatewayHarness } from "../../gateway/test-support/gateway-harness.js";
import { markerGuard } from "../../gateway/test-support/marker-guard.js";
import { listFrameworks } from "../../govern/catalog/index.js";
import { listPackFiles, packManifestSchema, verifyPack } from "../../govern/compliance/index.js";
import { complianceReportSchema } from "../../govern/compliance/report-schema.js";
import { createAuditRepository } from "../../store/repositories/audit-event-repository.js";

// biome-ignore lint/suspicious/noExplicitAny: tests read fields of JSON answers
type Json = Record<string, any>;
type Role = "admin" | "security" | "auditor" | "owner";
const roles: Role[] = ["admin", "security", "auditor", "owner"];

let harness: GatewayHarness;
const keys = {} as Record<Role, string>;
const scratch = mkdtempSync(join(tmpdir(), "rampart-compliance-api-test-"));

beforeAll(async () => {
  harness = await startGatewayHarness({ guard: markerGuard() });
  for (const role of roles) keys[role] = await harness.key({ name: `${role} key`, kind: "admin", role });
  // one decision in the trail, so the pack has an audit export to sign
  const gatewayKey = await harness.key({ name: "app" });
  await request(`${harness.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${gatewayKey}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "rampart-demo", messages: [{ role: "user", content: "hello" }] }),
  }).then((response) => response.body.dump());
}, 30_000);

afterAll(async () => {
  await harness?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function call(method: "GET" | "POST", path: string, key: string | undefined, body?: unknown) {
  const response = await request(`${harness.url}${path}`, {
    method,
    headers: {
      ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, bytes, json: json as Json };
}

const packDirectories = () => readdirSync(tmpdir()).filter((name) => name.startsWith("rampart-pack-"));

/** The field names of an object schema and of every object schema nested in it (arrays and optionals unwrapped). */
function fieldPaths(schema: unknown, prefix = ""): string[] {
  let current = schema as {
    def?: { type?: string; element?: unknown; innerType?: unknown };
    shape?: Record<string, unknown>;
  };
  while (
    current.def?.type === "optional" ||
    current.def?.type === "nullable" ||
    current.def?.type === "array"
  )
    current = (current.def.type === "array" ? current.def.element : current.def.innerType) as typeof current;
  if (current.def?.type !== "object" || current.shape === undefined) return [];
  return Object.entries(current.shape).flatMap(([name, field]) => [
    `${prefix}${name}`,
    ...fieldPaths(field, `${prefix}${name}.`),
  ]);
}

describe("compliance management API", () => {
  it("states every field of the engine's report schema in the shared contract (nothing is dropped on the way out)", () => {
    expect(fieldPaths(contractReportSchema).sort()).toEqual(fieldPaths(complianceReportSchema).sort());
    expect(fieldPaths(complianceReportSchema)).toContain("requirements.evidence.observedAt");
  });

  it("summarises every framework: title, version, score and counts by status", async () => {
    const answer = await call("GET", "/api/v1/compliance", keys.auditor);
    expect(answer.status).toBe(200);
    const ids = [...new Set(listFrameworks().map((entry) => entry.id))];
    expect(answer.json.data.map((row: { framework: string }) => row.framework)).toEqual(ids);
    const owasp = answer.json.data.find((row: { framework: string }) => row.framework === "owasp-llm-2025");
    expect(owasp).toMatchObject({
      name: "OWASP Top 10 for LLM Applications",
      version: "2025",
      requirements: 10,
    });
    expect(owasp.score).toBeGreaterThanOrEqual(0);
    expect(Object.keys(owasp.counts).sort()).toEqual([
      "attested",
      "met",
      "not-applicable",
      "not-met",
      "partial",
    ]);
    const counted = Object.values(owasp.counts as Record<string, number>).reduce(
      (sum, count) => sum + count,
      0,
    );
    expect(counted).toBe(10);
  });

  it("answers one framework's report in the documented schema, with evidence times and gaps", async () => {
    const answer = await call("GET", "/api/v1/compliance/owasp-llm-2025", keys.owner);
    expect(answer.status).toBe(200);
    // the engine's own (strict) schema: nothing was lost or added on the way out
    const report = complianceReportSchema.parse(answer.json);
    contractReportSchema.parse(answer.json);
    expect(report.framework).toBe("owasp-llm-2025");
    expect(report.requirements).toHaveLength(10);
    const evidence = report.requirements.flatMap((requirement) => requirement.evidence);
    expect(evidence.some((item) => item.source === "config" && item.observedAt !== null)).toBe(true);
    expect(report.requirements.some((requirement) => requirement.gaps.length > 0)).toBe(true);
    // the EU AI Act's record keeping reads the server's own audit trail, which verifies
    const eu = complianceReportSchema.parse(
      (await call("GET", "/api/v1/compliance/eu-ai-act", keys.owner)).json,
    );
    const chain = eu.requirements
      .flatMap((requirement) => requirement.evidence)
      .find((item) => item.source === "audit-chain");
    expect(chain).toMatchObject({ outcome: "pass" });
    expect(chain?.observedAt).not.toBeNull();
  });

  it("answers 404 for an unknown framework or version", async () => {
    const unknown = await call("GET", "/api/v1/compliance/no-such-framework", keys.auditor);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    expect((await call("GET", "/api/v1/compliance/owasp-llm-2025?version=1999", keys.auditor)).status).toBe(
      404,
    );
    expect((await call("GET", "/api/v1/compliance/no-such-framework/report", keys.auditor)).status).toBe(404);
  });

  it("downloads a report as an HTML, Markdown or JSON attachment", async () => {
    const html = await call("GET", "/api/v1/compliance/eu-ai-act/report?format=html", keys.auditor);
    expect(html.status).toBe(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(String(html.headers["content-disposition"])).toMatch(
      /^attachment; filename="eu-ai-act-[^"]+-compliance\.html"$/,
    );
    expect(html.bytes.toString("utf8")).toContain("<!doctype html");
    const md = await call("GET", "/api/v1/compliance/eu-ai-act/report?format=md", keys.auditor);
    expect(md.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    const json = await call("GET", "/api/v1/compliance/eu-ai-act/report?format=json", keys.auditor);
    expect(complianceReportSchema.parse(json.json).framework).toBe("eu-ai-act");
    expect((await call("GET", "/api/v1/compliance/eu-ai-act/report?format=pdf", keys.auditor)).status).toBe(
      400,
    );
  });

  it("streams the signed evidence pack as a gzip tar, records it with the actor, and removes its temp folder", async () => {
    const before = packDirectories();
    const answer = await call("POST", "/api/v1/compliance/pack", keys.auditor, {
      frameworks: ["owasp-llm-2025", "eu-ai-act"],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/gzip");
    expect(String(answer.headers["content-disposition"])).toMatch(
      /^attachment; filename="rampart-evidence-pack-[0-9TZ-]+\.tar\.gz"$/,
    );
    expect(gunzipSync(answer.bytes).length).toBeGreaterThan(answer.bytes.length);

    const archive = join(scratch, "pack.tar.gz");
    writeFileSync(archive, answer.bytes);
    const out = join(scratch, "out");
    mkdirSync(out);
    await extract({ file: archive, cwd: out });
    const [folder] = readdirSync(out);
    const pack = join(out, folder as string);
    expect(existsSync(join(pack, "manifest.sig"))).toBe(true);
    const manifest = packManifestSchema.parse(JSON.parse(readFileSync(join(pack, "manifest.json"), "utf8")));
    expect(manifest.keySource).toBe("audit");
    expect(manifest.files.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        "reports/owasp-llm-2025.json",
        "reports/eu-ai-act.html",
        "audit/export.jsonl",
        "audit/verification.json",
      ]),
    );
    expect(manifest.files.map((file) => file.path)).not.toContain("reports/iso-42001.json");
    // the audit trail's key, read from where the server keeps it, verifies the pack
    const store = harness.server.store;
    const key = loadSigningKey(defaultSigningKeyPath({ sqliteFile: store.location, baseDir: scratch }), {});
    if (key === undefined) throw new Error("the server has no audit signing key");
    expect(key.keyId).toBe(manifest.keyId);
    const verification = verifyPack(pack, key.publicKey, () => listPackFiles(pack));
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);

    const repository = createAuditRepository(store.db);
    const events = [];
    for (const node of await repository.nodes()) events.push(...(await repository.events(node, 0, 10_000)));
    const packed = events
      .filter((event) => event.type === "management.change")
      .map((event) => JSON.parse(event.envelope) as Json)
      .find((envelope) => envelope.payload.action === "compliance.pack");
    const auditorId = (await call("GET", "/api/v1/me", keys.auditor)).json.keyId;
    expect(packed?.actor).toMatchObject({ kind: "admin", id: auditorId, role: "auditor" });
    expect(packed?.payload.changes.frameworks).toEqual(["owasp-llm-2025", "eu-ai-act"]);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(packDirectories().filter((name) => !before.includes(name))).toEqual([]);
  }, 30_000);

  it("answers 400 for a bad pack body and 401 without an admin key", async () => {
    const unknown = await call("POST", "/api/v1/compliance/pack", keys.auditor, { frameworks: ["nope"] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.param).toBe("frameworks");
    const extra = await call("POST", "/api/v1/compliance/pack", keys.auditor, { everything: true });
    expect(extra.status).toBe(400);
    expect((await call("POST", "/api/v1/compliance/pack", undefined, {})).status).toBe(401);
    expect((await call("GET", "/api/v1/compliance", undefined)).status).toBe(401);
    const gatewayKey = await harness.key({ name: "gateway only" });
    expect((await call("GET", "/api/v1/compliance/eu-ai-act", gatewayKey)).status).toBe(401);
  });
});
