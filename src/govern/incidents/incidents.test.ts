import { describe, expect, it } from "vitest";
import type { ManagementChange } from "../../audit/audit-trail.js";
import { createApiKeyRepository, issueApiKey } from "../../store/index.js";
import { createAlertRepository } from "../../store/repositories/alert-repository.js";
import { createContainmentRepository } from "../../store/repositories/incident-containment-repository.js";
import { createIncidentRepository } from "../../store/repositories/incident-repository.js";
import { describeEachDatabase, useFreshStore } from "../../store/test-support/test-databases.js";
import { createActiveContainments } from "./active-containments.js";
import { art73Clock } from "./art73-clock.js";
import { createStoreContainmentPort, executeContainment } from "./containment.js";
import { incidentReportHtml, incidentReportMarkdown } from "./incident-report.js";
import { createIncidentService } from "./incident-service.js";
import { loadPlaybooks } from "./playbooks.js";

const playbooks = loadPlaybooks();
const security = { kind: "admin" as const, id: "key_sec", role: "security" };

describe("playbooks", () => {
  it("ships the nine playbooks, each with steps and containment actions", () => {
    expect([...playbooks.keys()]).toEqual([
      "data-poisoning",
      "jailbreak",
      "model-denial-of-service",
      "model-extraction",
      "personal-data-leak",
      "prompt-injection-campaign",
      "secret-leak",
      "supply-chain-compromise",
      "system-prompt-leak",
    ]);
    for (const playbook of playbooks.values()) {
      expect(playbook.steps.length).toBeGreaterThan(2);
      expect(playbook.containment.length).toBeGreaterThan(0);
    }
  });
});

describe("Art. 73 clock", () => {
  const aware = new Date("2026-11-01T00:00:00.000Z");
  it("counts 15, 10 or 2 days by kind and says when it is overdue", () => {
    expect(art73Clock(null, aware)).toBeUndefined();
    expect(art73Clock("general", aware, aware)?.dueAt).toBe("2026-11-16T00:00:00.000Z");
    expect(art73Clock("death", aware, aware)?.dueAt).toBe("2026-11-11T00:00:00.000Z");
    const critical = art73Clock("critical-infrastructure", aware, new Date("2026-11-03T01:00:00.000Z"));
    expect(critical?.dueAt).toBe("2026-11-03T00:00:00.000Z");
    expect(critical?.overdue).toBe(true);
    expect(critical?.hoursLeft).toBe(-1);
    expect(critical?.deadlines.filter((entry) => entry.applies).map((entry) => entry.days)).toEqual([2]);
  });
});

describeEachDatabase("incidents", (database) => {
  const store = useFreshStore(database);

  function setup() {
    const changes: ManagementChange[] = [];
    const audit = { recordManagement: async (change: ManagementChange) => void changes.push(change) };
    const incidents = createIncidentRepository(store().db);
    const alerts = createAlertRepository(store().db);
    const containments = createContainmentRepository(store().db);
    const keys = createApiKeyRepository(store().db);
    const service = createIncidentService({ incidents, alerts, playbooks, audit });
    const revoked: string[] = [];
    const port = createStoreContainmentPort({ keys, containments, onKeyRevoked: (id) => revoked.push(id) });
    return { changes, audit, incidents, alerts, containments, keys, service, port, revoked };
  }

  it("walks the workflow, refuses skipped steps with a clear error, and keeps a timeline", async () => {
    const { service, changes } = setup();
    const incident = await service.create(
      { title: "Leak", playbook: "secret-leak", serious: "general" },
      security,
    );
    expect(incident.status).toBe("open");
    expect(incident.severity).toBe("critical");
    await expect(service.update(incident.id, { status: "resolved" }, security)).rejects.toThrow(
      `incident ${incident.id} is open; it can move to triaged, not resolved`,
    );
    await service.update(
      incident.id,
      { status: "triaged", note: "looked at it", addLinks: { risks: ["risk_1"] } },
      security,
    );
    await service.update(incident.id, { status: "contained" }, security);
    await service.update(incident.id, { status: "resolved" }, security);
    const closed = await service.close(incident.id, security);
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).not.toBeNull();
    expect(closed.links.risks).toEqual(["risk_1"]);
    await expect(service.update(incident.id, { severity: "low" }, security)).rejects.toThrow(/is closed/);
    const kinds = (await service.timeline(incident.id)).map((entry) => `${entry.kind}:${entry.text}`);
    expect(kinds).toContain("status:open -> triaged");
    expect(kinds).toContain("note:looked at it");
    expect(kinds).toContain("status:resolved -> closed");
    expect(changes.map((change) => change.action)).toEqual([
      "incident.create",
      "incident.update",
      "incident.update",
      "incident.update",
      "incident.update",
    ]);
    await expect(service.create({ title: "x", playbook: "nope" }, security)).rejects.toThrow(
      /playbook 'nope' does not exist/,
    );
  });

  it("opens an incident from an alert with its playbook and links", async () => {
    const { service, alerts } = setup();
    const alert = await alerts.create({
      rule: "repeated-injection",
      kind: "category-count",
      severity: "high",
      principal: "key:key_a",
      keyId: "key_a",
      app: null,
      message: "3 prompt-injection findings",
      playbook: "prompt-injection-campaign",
      evidence: { requestIds: ["req_1"], events: [{ node: "n1", seq: 7 }], observed: { count: 3 } },
      raisedAt: new Date("2026-11-27T10:00:00.000Z"),
    });
    const incident = await service.fromAlert(alert);
    expect(incident?.playbook).toBe("prompt-injection-campaign");
    expect(incident?.links).toEqual({
      alerts: [alert.id],
      events: ["n1:7", "request:req_1"],
      assets: ["key:key_a"],
      risks: [],
    });
    expect((await alerts.get(alert.id))?.incidentId).toBe(incident?.id);
  });

  it("runs containment only for the right roles, audits it, and shows it to the gateway", async () => {
    const { service, port, incidents, changes, keys, containments, revoked, audit } = setup();
    const { record: key } = await issueApiKey(keys, { name: "attacker" });
    const incident = await service.create(
      { title: "Campaign", playbook: "supply-chain-compromise" },
      security,
    );
    const dependencies = { port, incidents, playbooks, audit };
    await expect(
      executeContainment(
        dependencies,
        { kind: "admin", id: "key_aud", role: "auditor" },
        {
          action: "revoke-key",
          target: key.id,
          incidentId: null,
        },
      ),
    ).rejects.toThrow(/containment:execute/);
    await expect(
      executeContainment(dependencies, security, {
        action: "disable-model",
        target: "llama",
        incidentId: incident.id,
      }),
    ).rejects.toThrow(/lets admin run disable-model; role 'security' may not/);
    const revocation = await executeContainment(dependencies, security, {
      action: "revoke-key",
      target: key.id,
      incidentId: null,
    });
    expect(revocation.action).toBe("revoke-key");
    expect((await keys.findById(key.id))?.revokedAt).not.toBeNull();
    expect(revoked).toEqual([key.id]);
    const admin = { kind: "admin" as const, id: "key_adm", role: "admin" };
    await executeContainment(dependencies, admin, {
      action: "disable-model",
      target: "llama",
      incidentId: incident.id,
    });
    await executeContainment(dependencies, admin, {
      action: "route-to-fallback",
      target: "qwen",
      incidentId: incident.id,
      parameters: { fallback: "mistral" },
    });
    await expect(
      executeContainment(dependencies, admin, {
        action: "route-to-fallback",
        target: "qwen",
        incidentId: null,
      }),
    ).rejects.toThrow(/parameters.fallback/);
    await executeContainment(dependencies, security, {
      action: "block-principal",
      target: "app:support",
      incidentId: null,
    });
    const view = await createActiveContainments(containments).activeContainments();
    expect([...view.blockedPrincipals]).toEqual(["app:support"]);
    expect([...view.disabledModels]).toEqual(["llama"]);
    expect([...view.fallbacks]).toEqual([["qwen", "mistral"]]);
    expect(
      changes.filter((change) => change.action.startsWith("containment.")).map((change) => change.action),
    ).toEqual([
      "containment.revoke-key",
      "containment.disable-model",
      "containment.route-to-fallback",
      "containment.block-principal",
    ]);
    const timeline = (await service.timeline(incident.id)).filter((entry) => entry.kind === "containment");
    expect(timeline.map((entry) => entry.text.split(" (")[0])).toEqual([
      "disable-model llama",
      "route-to-fallback qwen",
    ]);
    const lifted = (await containments.listActive()).find((entry) => entry.action === "disable-model");
    expect(await containments.lift(lifted?.id ?? "")).toBe(true);
    expect((await createActiveContainments(containments).activeContainments()).disabledModels.size).toBe(0);
  });

  it("renders the post-incident report as Markdown and escaped HTML", async () => {
    const { service, incidents, containments } = setup();
    const incident = await service.create(
      {
        title: "<script>alert(1)</script> leak",
        playbook: "personal-data-leak",
        serious: "death",
        description: "a | b",
      },
      security,
    );
    await service.update(incident.id, { step: { index: 0, done: true } }, security);
    const input = {
      incident,
      timeline: await incidents.timeline(incident.id),
      containments: await containments.listForIncident(incident.id),
      playbook: playbooks.get("personal-data-leak"),
      now: incident.createdAt,
    };
    const markdown = incidentReportMarkdown(input);
    expect(markdown).toContain("# Post-incident report: <script>alert(1)</script> leak");
    expect(markdown).toContain("report due within 10 days");
    expect(markdown).toMatch(/1\. \[x\] Establish which data subjects[^\n]*: done by admin:key_sec at /);
    expect(markdown).toMatch(/2\. \[ \] [^\n]*: not done/);
    const html = incidentReportHtml(input);
    expect(html).toContain("done by admin:key_sec");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; leak");
    expect(html).toContain("No containment action was taken.");
  });
});
