import { type OwaspId, owaspCategories } from "../owasp.js";
import { escapeXml } from "./junit-report.js";
import type { RateBucket, RunReport } from "./run-report.js";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A horizontal bar chart as inline SVG: one bar per bucket with its 95% interval as a whisker. */
function barChart(title: string, buckets: [string, RateBucket][]): string {
  const rowHeight = 26;
  const labelWidth = 260;
  const barWidth = 380;
  const height = buckets.length * rowHeight + 30;
  const rows = buckets
    .map(([label, bucket], index) => {
      const y = 20 + index * rowHeight;
      const width = Math.max(1, bucket.asr * barWidth);
      const low = labelWidth + bucket.ci95[0] * barWidth;
      const high = labelWidth + bucket.ci95[1] * barWidth;
      return [
        `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escapeXml(label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${width.toFixed(1)}" height="16" class="bar"><title>${escapeXml(`${label}: ${bucket.successes}/${bucket.cases} (${percent(bucket.asr)})`)}</title></rect>`,
        `<line x1="${low.toFixed(1)}" x2="${high.toFixed(1)}" y1="${y + 11}" y2="${y + 11}" class="ci"/>`,
        `<text x="${labelWidth + barWidth + 8}" y="${y + 14}">${percent(bucket.asr)} (${bucket.successes}/${bucket.cases})</text>`,
      ].join("");
    })
    .join("");
  return `<figure><figcaption>${escapeXml(title)}</figcaption><svg role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${labelWidth + barWidth + 140} ${height}" width="100%">${rows}</svg></figure>`;
}

/**
 * A self-contained HTML report (no scripts, no external files): summary, charts of the attack success
 * rate by OWASP category and by strategy with 95% intervals, and every finding with prompt and answer.
 */
export function toHtml(report: RunReport): string {
  const { run, summary } = report;
  const categories = (Object.entries(summary.byCategory) as [OwaspId, RateBucket][]).map(
    ([id, bucket]) => [`${id} ${owaspCategories[id]}`, bucket] as [string, RateBucket],
  );
  const strategies = Object.entries(summary.byStrategy).sort(([a], [b]) => a.localeCompare(b));
  const findings = report.findings
    .map(
      (
        finding,
      ) => `<details><summary><span class="sev ${finding.severity}">${finding.severity}</span> ${escapeXml(finding.probe)} · ${escapeXml(finding.strategy)} · ${escapeXml(finding.owasp.join(", "))}</summary>
<dl><dt>Grader</dt><dd>${escapeXml(finding.grader)} (confidence ${finding.confidence.toFixed(2)})${finding.evidence ? `: ${escapeXml(finding.evidence)}` : ""}</dd>
<dt>ATLAS</dt><dd>${escapeXml(finding.atlas.join(", "))}</dd>
<dt>Prompt</dt><dd><pre>${escapeXml(finding.prompt)}</pre></dd>
<dt>Response</dt><dd><pre>${escapeXml(finding.response)}</pre></dd></dl></details>`,
    )
    .join("\n");
  const gate =
    run.failOnAsr === undefined
      ? "no gate"
      : `${run.gatePassed ? "passed" : "failed"} (ASR must be ≤ ${percent(run.failOnAsr)})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rampart red team: ${escapeXml(run.model)}</title>
<style>
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#57606a;--bar:#cf222e;--line:#d0d7de}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--bar:#ff7b72;--line:#30363d}}
body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:1100px;margin:2rem auto;padding:0 1rem}
.kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;min-width:10rem}
.kpi b{display:block;font-size:1.6rem}.muted{color:var(--muted)}svg text{fill:var(--fg);font-size:12px}
.bar{fill:var(--bar)}.ci{stroke:var(--fg);stroke-width:2}figure{margin:1.5rem 0}figcaption{font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;background:rgba(127,127,127,.1);padding:.5rem;border-radius:6px}
details{border-top:1px solid var(--line);padding:.4rem 0}.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
.critical,.high{color:var(--bar)}
</style></head><body>
<h1>Rampart red team: ${escapeXml(run.model)}</h1>
<p class="muted">Target ${escapeXml(run.target)} · seed ${run.seed} · ${escapeXml(run.started)} to ${escapeXml(run.finished)} · Rampart ${escapeXml(run.rampartVersion)} · gate ${escapeXml(gate)}</p>
<div class="kpis">
<div class="kpi"><span class="muted">Attack success rate</span><b>${percent(summary.asr)}</b><span class="muted">95% CI ${percent(summary.asrCi95[0])}–${percent(summary.asrCi95[1])}</span></div>
<div class="kpi"><span class="muted">Successful attacks</span><b>${summary.successes} / ${summary.cases}</b></div>
<div class="kpi"><span class="muted">Over-refusal rate</span><b>${percent(summary.overRefusalRate)}</b><span class="muted">${summary.overRefusals} / ${summary.benignCases} benign</span></div>
<div class="kpi"><span class="muted">Errors</span><b>${summary.errors}</b></div>
</div>
${barChart("Attack success rate by OWASP LLM 2025 category", categories)}
${barChart("Attack success rate by strategy", strategies)}
<h2>Findings (${report.findings.length})</h2>
${findings || "<p>No attack succeeded.</p>"}
<p class="muted">Refusal classifier ${escapeXml(report.graders.refusalClassifier.name)}: accuracy ${percent(report.graders.refusalClassifier.accuracy)} on ${escapeXml(report.graders.refusalClassifier.evaluatedOn)}.</p>
</body></html>
`;
}
