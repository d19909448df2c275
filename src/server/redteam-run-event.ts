import type { AuditPayload } from "../audit/event-schema.js";
import type { RunReport } from "../redteam/report/run-report.js";

/**
 * The `redteam.run` audit event of a finished run: the target without credentials in its URL, the
 * number of probes and of findings (successful attacks), and `passed`: the gate's result when
 * --fail-on-asr was set, else whether no attack succeeded. Never prompts or answers.
 */
export function redteamRunPayload(report: RunReport, regrade: boolean): AuditPayload<"redteam.run"> {
  const { run, summary } = report;
  return {
    runId: run.id,
    target: withoutCredentials(run.target),
    probes: run.probes.length,
    findings: report.findings.length,
    passed: run.gatePassed ?? summary.successes === 0,
    summary: {
      model: run.model,
      seed: run.seed,
      strategies: run.strategies,
      cases: summary.cases,
      successes: summary.successes,
      asr: summary.asr,
      overRefusalRate: summary.overRefusalRate,
      errors: summary.errors,
      ...(run.failOnAsr === undefined ? {} : { failOnAsr: run.failOnAsr }),
      ...(run.gatePassed === undefined ? {} : { gatePassed: run.gatePassed }),
      ...(regrade ? { regrade: true } : {}),
    },
  };
}

function withoutCredentials(text: string): string {
  if (!URL.canParse(text)) return text;
  const url = new URL(text);
  if (url.username === "" && url.password === "") return text;
  url.username = "";
  url.password = "";
  return url.toString();
}
