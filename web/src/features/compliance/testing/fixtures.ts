import {
  type ComplianceEvidence,
  type ComplianceReportDocument,
  type ComplianceRequirement,
  complianceEvidenceSchema,
  complianceReportSchema,
  complianceRequirementSchema,
} from "@core/api/compliance";

/** Test data for the compliance feature, parsed by the contract's schemas so it cannot drift. */
export function evidenceFixture(overrides: Partial<ComplianceEvidence> = {}): ComplianceEvidence {
  return complianceEvidenceSchema.parse({
    control: "prompt-injection-defence",
    source: "redteam",
    check: "LLM01",
    outcome: "fail",
    summary: "LLM01 ASR 43.3% of 60 (run rt_1)",
    observedAt: "2026-11-20T10:00:00.000Z",
    ageDays: 2,
    maxAgeDays: 30,
    reference: "store:redteam_runs/rt_1",
    ...overrides,
  });
}

export function requirementFixture(overrides: Partial<ComplianceRequirement> = {}): ComplianceRequirement {
  return complianceRequirementSchema.parse({
    id: "LLM01",
    title: "Prompt Injection",
    status: "partial",
    controls: ["input-scanning", "prompt-injection-defence"],
    detectors: ["prompt-injection"],
    probes: ["pi-direct"],
    evidence: [evidenceFixture()],
    gaps: [
      {
        control: "prompt-injection-defence",
        problem: "redteam fail: LLM01 ASR 43.3% above 10.0%",
        action:
          "Enable the prompt-injection detector with a block action, then run the prompt-injection probes.",
      },
    ],
    ...overrides,
  });
}

export function reportFixture(overrides: Partial<ComplianceReportDocument> = {}): ComplianceReportDocument {
  return complianceReportSchema.parse({
    schemaVersion: 1,
    framework: "owasp-llm-2025",
    version: "2025",
    name: "OWASP Top 10 for LLM Applications",
    generatedAt: "2026-11-22T10:00:00.000Z",
    score: 35,
    counts: { met: 1, partial: 1, "not-met": 1, "not-applicable": 0, attested: 0 },
    requirements: [
      requirementFixture(),
      requirementFixture({
        id: "LLM05",
        title: "Improper Output Handling",
        status: "met",
        gaps: [],
        evidence: [
          evidenceFixture({
            control: "output-scanning",
            source: "config",
            outcome: "pass",
            maxAgeDays: null,
            ageDays: 0,
          }),
        ],
        responsibility: [
          {
            control: "output-scanning",
            holder: "organisation",
            assets: [{ asset: "support-bot", party: "customer" }],
          },
        ],
      }),
      requirementFixture({
        id: "LLM09",
        title: "Misinformation",
        status: "not-met",
        evidence: [],
        gaps: [{ control: "grounding", problem: "no evidence", action: "Run the misinformation probes." }],
      }),
    ],
    ...overrides,
  });
}
