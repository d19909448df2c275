import { describe, expect, it } from "vitest";
import { starterGovernance } from "../as-code/starter-governance.js";
import type { RiskRecord } from "./governance-schema.js";
import { renderRaciCsv, renderRaciHtml, renderRaciTable, validateRaci } from "./raci.js";
import {
  applyIncident,
  applyRedteamEvidence,
  heatMap,
  inherentScore,
  residualScore,
  scoreBand,
} from "./risk-score.js";
import { organisationDuties, responsibilityFor } from "./shared-responsibility.js";

const risk: RiskRecord = {
  id: "prompt-injection",
  title: "Prompt injection",
  owasp: ["LLM01:2025"],
  atlas: ["AML.T0051"],
  assets: ["llama"],
  likelihood: 4,
  impact: 5,
  controls: { "input-scanning": 0.5, "output-scanning": 0.2 },
  treatment: "mitigate",
  status: "treated",
  owner: "security",
  reviewDate: "",
  history: [],
};

describe("RACI", () => {
  it("needs exactly one A and at least one R per activity", () => {
    expect(validateRaci({ ok: { ciso: "A", ml: "R" } })).toEqual([]);
    expect(validateRaci({ twoA: { ciso: "A", dpo: "A", ml: "R" } })).toEqual([
      { activity: "twoA", message: "has 2 accountable roles (A); it needs exactly one" },
    ]);
    expect(validateRaci({ noA: { ml: "R" }, noR: { ciso: "A", dpo: "C" } }).map((i) => i.activity)).toEqual([
      "noA",
      "noR",
    ]);
  });

  it("renders a table, CSV and escaped HTML with roles as sorted columns", () => {
    const chart = {
      "risk-assessment": { ciso: "A", "ml-lead": "R", dpo: "C" },
      "a<b": { ciso: "A", dpo: "R" },
    } as const;
    expect(renderRaciTable(chart).split("\n")[0]).toBe("activity         ciso  dpo  ml-lead");
    expect(renderRaciCsv(chart)).toBe("activity,ciso,dpo,ml-lead\r\nrisk-assessment,A,C,R\r\na<b,A,R,\r\n");
    expect(renderRaciHtml(chart)).toContain("<th>a&lt;b</th>");
  });
});

describe("risk scores", () => {
  it("computes inherent, residual (each control removes its share of what is left) and bands", () => {
    expect(inherentScore(risk)).toBe(20);
    expect(residualScore(risk)).toBe(8); // 20 * 0.5 * 0.8
    expect(residualScore({ ...risk, controls: { perfect: 1 } })).toBe(1);
    expect([scoreBand(20), scoreBand(12), scoreBand(5), scoreBand(4)]).toEqual([
      "critical",
      "high",
      "medium",
      "low",
    ]);
    expect(heatMap([risk])[3]?.[4]).toEqual(["prompt-injection"]);
  });

  it("raises likelihood with red-team ASR and records the change", () => {
    const run = { id: "run-1", finishedAt: "2026-11-01T00:00:00.000Z", asrByOwasp: { LLM01: 0.3 } };
    const [moved] = applyRedteamEvidence([risk], run);
    expect(moved?.likelihood).toBe(5);
    expect(moved?.history).toEqual([
      {
        at: run.finishedAt,
        change: "likelihood 4 -> 5",
        reason: "red-team run run-1: attack success rate 30.0%",
      },
    ]);
    const low = applyRedteamEvidence([{ ...risk, likelihood: 1 }], { ...run, asrByOwasp: { LLM01: 0.06 } });
    expect(low[0]?.likelihood).toBe(2);
    expect(applyRedteamEvidence([risk], { ...run, asrByOwasp: { LLM02: 0.9 } })[0]).toBe(risk);
  });

  it("reopens risks that an incident names or shares an asset with", () => {
    const closed = { ...risk, status: "closed" as const };
    const incident = { id: "inc-1", openedAt: "2026-11-02T00:00:00.000Z", riskIds: [], assetIds: ["llama"] };
    const [reopened] = applyIncident([closed], incident);
    expect(reopened?.status).toBe("open");
    expect(reopened?.history[0]?.change).toBe("status closed -> open");
    expect(applyIncident([closed], { ...incident, assetIds: ["other"] })[0]).toBe(closed);
  });
});

describe("shared responsibility", () => {
  it("gives on-premises models every layer and SaaS models only usage, identity, data and shared prompts", () => {
    const [onPremises, saas] = starterGovernance("2026-11-01").assets.models;
    if (onPremises === undefined || saas === undefined) throw new Error("starter models");
    expect(organisationDuties(onPremises)).toHaveLength(9);
    expect(organisationDuties(saas)).toEqual([
      "ai-usage",
      "identity-and-access",
      "data-governance",
      "prompts-and-outputs",
    ]);
    expect(responsibilityFor({ ...saas, responsibility: { plugins: "customer" } }).plugins).toBe("customer");
  });
});
