import type { EndpointResponse } from "@core/api/contract";
import {
  type AuditView,
  governanceApi,
  type ModelView,
  modelViewSchema,
  type PolicyView,
  type RiskView,
  responsibilityLayers,
} from "@core/api/governance";

/** Test data for the governance pages, parsed by the contract's schemas so it cannot drift. */

export function modelFixture(overrides: Partial<ModelView> = {}): ModelView {
  const hosted = overrides.deployment === "saas";
  return modelViewSchema.parse({
    id: "llama-3-70b",
    name: "Llama 3.1 70B Instruct",
    version: "3.1",
    provider: "Meta (weights), served with vLLM",
    licence: "Llama 3.1 Community License",
    weightsHash: "",
    deployment: "on-premises",
    location: "own data centre",
    owner: "ml-lead",
    approvedBy: "ciso",
    riskTier: "limited",
    generalPurpose: true,
    parameters: "70B",
    responsibility: { "model-safety": "shared" },
    effectiveResponsibility: Object.fromEntries(
      responsibilityLayers.map((layer) => [layer, layer === "model-safety" ? "shared" : "customer"]),
    ),
    organisationDuties: [...responsibilityLayers],
    responsibilityMatrix: responsibilityLayers.map((layer) => ({
      layer,
      party:
        layer === "model-safety" ? "shared" : hosted && layer === "infrastructure" ? "provider" : "customer",
      overridden: layer === "model-safety",
    })),
    controls: [
      {
        control: "adversarial-testing",
        title: "Models are attacked on a schedule",
        layers: ["model-safety"],
        party: "shared",
      },
      {
        control: "input-scanning",
        title: "Prompts are scanned",
        layers: ["prompts-and-outputs"],
        party: "customer",
      },
    ],
    ...overrides,
  });
}

export function assetsFixture(): EndpointResponse<typeof governanceApi.assets> {
  return governanceApi.assets.response.parse({
    models: [modelFixture()],
    datasets: [
      {
        id: "internal-docs",
        name: "Internal knowledge base",
        sources: ["wiki"],
        licence: "internal",
        classification: "internal",
        personalData: false,
        owner: "ml-lead",
        trained: [],
        tuned: [],
        retrieval: ["llama-3-70b"],
      },
    ],
    applications: [],
    systemPrompts: [],
    vendors: [
      { id: "hosted-api-vendor", name: "Hosted API vendor", services: [], reviewedAt: "", reviewDue: "" },
    ],
    tools: [],
  });
}

export function riskFixture(overrides: Partial<RiskView> = {}): RiskView {
  return {
    id: "prompt-injection",
    title: "Prompt injection through retrieved documents",
    owasp: ["LLM01:2025"],
    atlas: ["AML.T0051"],
    assets: ["llama-3-70b"],
    likelihood: 4,
    impact: 4,
    controls: { "input-scanning": 0.5 },
    treatment: "mitigate",
    status: "open",
    owner: "security-engineer",
    reviewDate: "",
    history: [],
    inherent: 16,
    residual: 8,
    band: "medium",
    inherentBand: "high",
    residualLikelihood: 2,
    ...overrides,
  };
}

const emptyGrid = () => Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));

/** The risk list with heat maps built from the risks' own positions. */
export function riskListFixture(
  risks: RiskView[] = [riskFixture()],
): EndpointResponse<typeof governanceApi.risks.list> {
  const inherent = emptyGrid();
  const residual = emptyGrid();
  for (const risk of risks) {
    inherent[risk.likelihood - 1]?.[risk.impact - 1]?.push(risk.id);
    residual[risk.residualLikelihood - 1]?.[risk.impact - 1]?.push(risk.id);
  }
  const counts = (grid: string[][][]) => grid.map((row) => row.map((ids) => ids.length));
  return governanceApi.risks.list.response.parse({
    data: risks,
    heatMap: inherent,
    residualHeatMap: residual,
    counts: { inherent: counts(inherent), residual: counts(residual) },
  });
}

export function policyFixture(overrides: Partial<PolicyView> = {}): PolicyView {
  return {
    id: "ai-use-policy",
    title: "AI use policy",
    version: 2,
    state: "in-review",
    approver: "",
    approvedAt: "",
    reviewCycleDays: 365,
    text: "# AI use policy\n\n<script>alert(1)</script> stays text.\n",
    reviewDue: null,
    reviewOverdue: false,
    ...overrides,
  };
}

export function auditFixture(overrides: Partial<AuditView> = {}): AuditView {
  return {
    id: "quarterly-ai-review",
    title: "Quarterly AI governance review",
    schedule: "quarterly",
    checklist: ["risks reviewed"],
    automatedChecks: ["model-ownership", "audit-chain"],
    findings: [],
    lastRun: null,
    nextDueAt: "2026-11-27T10:00:00.000Z",
    automatedFindings: [],
    openFindings: 0,
    ...overrides,
  };
}
