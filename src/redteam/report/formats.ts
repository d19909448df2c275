import { toHtml } from "./html-report.js";
import { toJunit } from "./junit-report.js";
import { toMarkdown } from "./markdown-report.js";
import type { RunReport } from "./run-report.js";
import { toSarif } from "./sarif-report.js";

/** Every report format of a run, with its file name. report.json is the source of the others. */
export const reportFormats = {
  json: { file: "report.json", render: (report: RunReport) => `${JSON.stringify(report, null, 2)}\n` },
  html: { file: "report.html", render: toHtml },
  sarif: {
    file: "report.sarif",
    render: (report: RunReport) => `${JSON.stringify(toSarif(report), null, 2)}\n`,
  },
  junit: { file: "junit.xml", render: toJunit },
  md: { file: "report.md", render: (report: RunReport) => toMarkdown(report) },
} as const;
export type ReportFormat = keyof typeof reportFormats;

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(reportFormats, value);
}
