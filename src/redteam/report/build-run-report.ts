import { owaspCategories, owaspCoverage, owaspIds } from "../owasp.js";
import {
  type CaseResult,
  RUN_REPORT_SCHEMA_VERSION,
  type RunFinding,
  type RunMetadata,
  type RunReport,
  runReportSchema,
} from "./run-report.js";
import { summarize } from "./summarize.js";

/** Longest prompt and response excerpt kept in a finding. */
export const FINDING_TEXT_LIMIT = 2_000;

/** A graded case with the texts a finding needs. */
export interface GradedCase {
  result: CaseResult;
  prompt: string;
  response: string;
  evidence?: string;
}

export interface BuildRunReportInput {
  run: RunMetadata;
  cases: readonly GradedCase[];
  graders: RunReport["graders"];
}

function excerpt(text: string): string {
  return text.length <= FINDING_TEXT_LIMIT ? text : `${text.slice(0, FINDING_TEXT_LIMIT)}…`;
}

/** Assembles and validates the report: cases sorted by id, one finding per successful attack. */
export function buildRunReport(input: BuildRunReportInput): RunReport {
  const sorted = [...input.cases].sort((left, right) => (left.result.id < right.result.id ? -1 : 1));
  const findings: RunFinding[] = sorted
    .filter((graded) => graded.result.kind === "attack" && graded.result.success)
    .map(({ result, prompt, response, evidence }) => ({
      id: result.id,
      probe: result.probe,
      probeClass: result.probeClass,
      strategy: result.strategy,
      owasp: result.owasp,
      atlas: result.atlas,
      severity: result.severity,
      prompt: excerpt(prompt),
      response: excerpt(response),
      grader: result.grader,
      confidence: result.confidence,
      ...(evidence === undefined ? {} : { evidence }),
    }));
  const results = sorted.map((graded) => graded.result);
  const coverage = Object.fromEntries(
    owaspIds.map((id) => [
      id,
      {
        name: owaspCategories[id],
        redteam: owaspCoverage[id].redteam,
        otherTools: [...owaspCoverage[id].otherTools],
      },
    ]),
  );
  return runReportSchema.parse({
    schemaVersion: RUN_REPORT_SCHEMA_VERSION,
    run: input.run,
    summary: summarize(results),
    findings,
    cases: results,
    graders: input.graders,
    coverage,
  });
}
