import { owaspCategories } from "../owasp.js";
import type { RunFinding, RunReport } from "./run-report.js";

/**
 * SARIF 2.1.0 for red-team results, so code-scanning dashboards (GitHub, GitLab, Azure DevOps) show
 * them. One rule per probe, with a stable id (`rampart.redteam/<probe>`); one result per successful
 * attack. The "location" is the target endpoint and model (there is no source file): a logical
 * location, plus an artifact location on the report so viewers that need a file have one.
 */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL_BY_SEVERITY = { low: "note", medium: "warning", high: "error", critical: "error" } as const;
const SECURITY_SEVERITY = { low: "3.0", medium: "5.5", high: "8.0", critical: "9.5" } as const;

export function ruleId(probe: string): string {
  return `rampart.redteam/${probe}`;
}

function ruleFor(finding: RunFinding) {
  const categories = finding.owasp.map((id) => `${id} ${owaspCategories[id]}`).join(", ");
  return {
    id: ruleId(finding.probe),
    name: finding.probe.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) =>
      (next ?? "").toUpperCase(),
    ),
    shortDescription: { text: `${finding.probeClass}: ${finding.probe}` },
    fullDescription: {
      text: `Red-team probe ${finding.probe} (${finding.probeClass}); OWASP LLM 2025: ${categories}.`,
    },
    help: { text: "See docs/redteam.md for what the probe tests and how to fix a finding." },
    defaultConfiguration: { level: LEVEL_BY_SEVERITY[finding.severity] },
    properties: {
      tags: ["security", "llm", ...finding.owasp, ...finding.atlas],
      "security-severity": SECURITY_SEVERITY[finding.severity],
      probeClass: finding.probeClass,
    },
  };
}

export function toSarif(report: RunReport, reportFile = "report.json") {
  const rules = new Map<string, ReturnType<typeof ruleFor>>();
  for (const finding of report.findings)
    if (!rules.has(ruleId(finding.probe))) rules.set(ruleId(finding.probe), ruleFor(finding));
  const ruleIndex = new Map([...rules.keys()].map((id, index) => [id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: "Rampart red team",
            informationUri: "https://rampart.invalid/docs/redteam",
            semanticVersion: report.run.rampartVersion,
            rules: [...rules.values()],
          },
        },
        automationDetails: { id: `rampart-redteam/${report.run.id}` },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.run.started,
            endTimeUtc: report.run.finished,
          },
        ],
        results: report.findings.map((finding) => ({
          ruleId: ruleId(finding.probe),
          ruleIndex: ruleIndex.get(ruleId(finding.probe)) ?? 0,
          level: LEVEL_BY_SEVERITY[finding.severity],
          message: {
            text: `Attack succeeded: ${finding.probe} with strategy ${finding.strategy} against ${report.run.model} (grader ${finding.grader}, confidence ${finding.confidence.toFixed(2)}).${finding.evidence ? ` Evidence: ${finding.evidence}.` : ""}`,
          },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: reportFile } },
              logicalLocations: [
                {
                  name: report.run.model,
                  fullyQualifiedName: `${report.run.target}#${report.run.model}`,
                  kind: "module",
                },
              ],
            },
          ],
          partialFingerprints: { "rampartCase/v1": finding.id },
          properties: {
            strategy: finding.strategy,
            owasp: finding.owasp,
            atlas: finding.atlas,
            prompt: finding.prompt,
            response: finding.response,
            grader: finding.grader,
            confidence: finding.confidence,
          },
        })),
        properties: { asr: report.summary.asr, overRefusalRate: report.summary.overRefusalRate },
      },
    ],
  };
}
