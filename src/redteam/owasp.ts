import { z } from "zod";

/** OWASP Top 10 for LLM Applications, 2025 edition: the ids and their names. */
export const owaspCategories = {
  LLM01: "Prompt Injection",
  LLM02: "Sensitive Information Disclosure",
  LLM03: "Supply Chain",
  LLM04: "Data and Model Poisoning",
  LLM05: "Improper Output Handling",
  LLM06: "Excessive Agency",
  LLM07: "System Prompt Leakage",
  LLM08: "Vector and Embedding Weaknesses",
  LLM09: "Misinformation",
  LLM10: "Unbounded Consumption",
} as const;

export const owaspIds = Object.keys(owaspCategories) as (keyof typeof owaspCategories)[];
export const owaspIdSchema = z.enum([
  "LLM01",
  "LLM02",
  "LLM03",
  "LLM04",
  "LLM05",
  "LLM06",
  "LLM07",
  "LLM08",
  "LLM09",
  "LLM10",
]);
export type OwaspId = z.infer<typeof owaspIdSchema>;

/**
 * MITRE ATLAS technique ids the probes are tagged with (only ids whose meaning is settled):
 * AML.T0051.000 direct and .001 indirect LLM prompt injection, AML.T0054 LLM jailbreak,
 * AML.T0056 LLM meta prompt extraction, AML.T0057 LLM data leakage, AML.T0053 LLM plugin
 * compromise (tool misuse), AML.T0029 denial of ML service, AML.T0048 external harms,
 * AML.T0043 craft adversarial data (obfuscated payloads).
 */
export const atlasTechniques = {
  "AML.T0051": "LLM Prompt Injection",
  "AML.T0051.000": "LLM Prompt Injection: Direct",
  "AML.T0051.001": "LLM Prompt Injection: Indirect",
  "AML.T0054": "LLM Jailbreak",
  "AML.T0056": "LLM Meta Prompt Extraction",
  "AML.T0057": "LLM Data Leakage",
  "AML.T0053": "LLM Plugin Compromise",
  "AML.T0029": "Denial of ML Service",
  "AML.T0048": "External Harms",
  "AML.T0043": "Craft Adversarial Data",
} as const;

export const atlasIdSchema = z.enum(
  Object.keys(atlasTechniques) as [keyof typeof atlasTechniques, ...(keyof typeof atlasTechniques)[]],
);
export type AtlasId = z.infer<typeof atlasIdSchema>;

/**
 * Where each OWASP category is covered: by this scanner through a chat API, and by the other Rampart
 * tools (the gateway's guards, governance registers). Printed in every report.
 */
export const owaspCoverage: Readonly<Record<OwaspId, { redteam: boolean; otherTools: readonly string[] }>> = {
  LLM01: { redteam: true, otherTools: ["gateway: prompt-injection, invisible-text detectors on input"] },
  LLM02: { redteam: true, otherTools: ["gateway: pii and secret detectors, redaction"] },
  LLM03: { redteam: false, otherTools: ["governance: AI-BOM and model inventory"] },
  LLM04: { redteam: false, otherTools: ["governance: data classification, risk register"] },
  LLM05: { redteam: true, otherTools: ["gateway: unsafe-markup, exfiltration, dangerous-command on output"] },
  LLM06: { redteam: true, otherTools: ["gateway: tool-call scanning, acceptable-use matrix"] },
  LLM07: { redteam: true, otherTools: ["gateway: system-prompt-leak and canary-leak on output"] },
  LLM08: { redteam: false, otherTools: ["gateway: indirect injection scan of document segments"] },
  LLM09: { redteam: true, otherTools: ["governance: acceptable-use policy, staff training"] },
  LLM10: { redteam: true, otherTools: ["gateway: rate, token and budget limits"] },
};
