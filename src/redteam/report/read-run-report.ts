import { readFile } from "node:fs/promises";
import { RampartError } from "../../core/errors.js";
import { type RunReport, runReportSchema } from "./run-report.js";

/** Reads and validates a report.json file; a missing or malformed file is a usage error. */
export async function readRunReport(path: string): Promise<RunReport> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new RampartError("usage", `cannot read red-team report ${path}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RampartError("usage", `${path} is not JSON`, { cause: error });
  }
  const parsed = runReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError(
      "usage",
      `${path} is not a Rampart red-team report: ${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** The report as written to report.json: two-space indented, trailing newline. */
export function formatRunReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
