import { describe, expect, it } from "vitest";
import { recordCheckIds } from "../../catalog/catalog-schema.js";
import { type GovernanceSnapshot, runRecordCheck, snapshotRecordsSource } from "./snapshot-records-source.js";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const PAST = "2026-10-01T00:00:00.000Z";
const FUTURE = "2027-01-01T00:00:00.000Z";

const good: GovernanceSnapshot = {
  assets: [
    { id: "a1", kind: "application", name: "helpdesk", owner: "ml-lead", updatedAt: PAST },
    { id: "a0", kind: "model", name: "llama", owner: "ml-lead", updatedAt: PAST },
    { id: "a2", kind: "dataset", name: "tickets", owner: "dpo", updatedAt: PAST },
  ],
  risks: [{ id: "r1", status: "open", reviewDate: FUTURE, updatedAt: PAST }],
  raci: [{ activity: "risk-assessment", assignments: { ciso: "A", "ml-lead": "R", dpo: "C" } }],
  policies: [{ id: "p1", title: "AI policy", state: "approved", reviewDue: FUTURE, updatedAt: PAST }],
  training: [{ assignee: "dev-1", module: "owasp-llm", dueAt: PAST, completedAt: PAST }],
  incidents: [],
  impactAssessments: [{ assetId: "a1", at: PAST }],
  vendors: [{ id: "v1", name: "hosted api", reviewedAt: PAST, reviewDueAt: FUTURE }],
  attestations: [],
};

const broken: GovernanceSnapshot = {
  ...good,
  assets: [...good.assets, { id: "a3", kind: "application", name: "chatbot", owner: null, updatedAt: PAST }],
  risks: [...good.risks, { id: "r2", status: "open", reviewDate: PAST, updatedAt: PAST }],
  raci: [{ activity: "incident-response", assignments: { ciso: "A", cto: "A", dpo: "C" } }],
  policies: [{ id: "p2", title: "AUP", state: "draft", reviewDue: null, updatedAt: PAST }],
  training: [{ assignee: "dev-2", module: "owasp-llm", dueAt: PAST, completedAt: null }],
  incidents: [{ id: "i1", status: "open", deadlineAt: PAST, updatedAt: PAST }],
  vendors: [{ id: "v2", name: "data broker", reviewedAt: null, reviewDueAt: null }],
};

const expectedProblems: Record<(typeof recordCheckIds)[number], RegExp> = {
  "raci-complete": /incident-response: 2 accountable roles[\s\S]*no responsible role/,
  "risks-reviewed": /r2: review was due/,
  "policies-approved": /p2: draft, not approved/,
  "training-done": /dev-2: owasp-llm overdue/,
  "inventory-complete": /application chatbot: no owner/,
  "incidents-handled": /i1: open past its deadline/,
  "impact-assessed": /application chatbot: no impact assessment/,
  "vendors-reviewed": /data broker: never reviewed/,
};

describe("record checks over a governance snapshot", () => {
  for (const id of recordCheckIds) {
    it(`${id}: passes on complete records and names what is wrong otherwise`, () => {
      expect(runRecordCheck(id, good, NOW).passed).toBe(true);
      const result = runRecordCheck(id, broken, NOW);
      expect(result.passed).toBe(false);
      expect(result.problems.join("\n")).toMatch(expectedProblems[id]);
    });
  }

  it("empty registers fail, except incidents (none is fine)", () => {
    const empty: GovernanceSnapshot = {
      assets: [],
      risks: [],
      raci: [],
      policies: [],
      training: [],
      incidents: [],
      impactAssessments: [],
      vendors: [],
      attestations: [],
    };
    expect(runRecordCheck("risks-reviewed", empty, NOW)).toMatchObject({
      passed: false,
      summary: "no risks recorded",
    });
    expect(runRecordCheck("incidents-handled", empty, NOW).passed).toBe(true);
  });

  it("loads the snapshot once and filters attestations by framework", async () => {
    let loads = 0;
    const source = snapshotRecordsSource(async () => {
      loads += 1;
      return {
        ...good,
        attestations: [
          {
            framework: "iso-42001",
            requirement: "A.5.5",
            status: "attested",
            by: "ciso",
            at: PAST,
            note: "x",
          },
        ],
      };
    });
    await source.check("raci-complete", NOW);
    await source.check("risks-reviewed", NOW);
    expect(await source.attestations("owasp-llm-2025")).toEqual([]);
    expect((await source.attestations("iso-42001")).map((item) => item.requirement)).toEqual(["A.5.5"]);
    expect(loads).toBe(1);
  });
});
