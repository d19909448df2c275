import { describe, expect, it } from "vitest";
import { renderComplianceHtml } from "./render-html.js";
import { renderComplianceMarkdown } from "./render-markdown.js";
import type { ComplianceReport } from "./report-schema.js";

const report: ComplianceReport = {
  schemaVersion: 1,
  framework: "owasp-llm-2025",
  version: "2025",
  name: "OWASP <Top 10>",
  generatedAt: "2026-11-27T12:00:00.000Z",
  score: 50,
  counts: { met: 0, partial: 1, "not-met": 0, "not-applicable": 0, attested: 0 },
  requirements: [
    {
      id: "LLM05",
      title: "Improper | Output Handling",
      status: "partial",
      controls: ["output-handling"],
      detectors: [],
      probes: [],
      evidence: [
        {
          control: "output-handling",
          source: "config",
          check: "output-markup-guard",
          outcome: "pass",
          summary: "<script>alert(1)</script>",
          observedAt: "2026-11-27T12:00:00.000Z",
          ageDays: 0,
          maxAgeDays: null,
        },
      ],
      gaps: [{ control: "output-handling", problem: "redteam none: a | b", action: "Run the probes." }],
    },
  ],
};

describe("report renderers", () => {
  it("HTML escapes every text taken from the report", () => {
    const html = renderComplianceHtml(report);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<title>OWASP &lt;Top 10&gt; (owasp-llm-2025 2025)</title>");
    expect(html).toContain('<td class="pass">pass</td>');
  });

  it("Markdown escapes pipes in table cells and lists the gaps", () => {
    const markdown = renderComplianceMarkdown(report);
    expect(markdown).toContain("| LLM05 | Improper \\| Output Handling | partial | 1 | 1 |");
    expect(markdown).toContain("- **output-handling**: redteam none: a \\| b. Action: Run the probes.");
    expect(markdown.endsWith("\n")).toBe(true);
  });
});
