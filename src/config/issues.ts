import type { z } from "zod";

/** One problem in a configuration, with the dotted path to it: `upstreams[0].url`. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(root)" : out;
}

/** Flattens zod issues into one line each; unknown keys are named one by one. */
export function issuesFromZod(error: z.ZodError): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        issues.push({ path: formatPath([...issue.path, key]), message: "unknown key" });
      continue;
    }
    if (issue.code === "invalid_union") {
      issues.push({ path: formatPath(issue.path), message: "has the wrong type" });
      continue;
    }
    issues.push({ path: formatPath(issue.path), message: simplifyMessage(issue.message) });
  }
  return issues;
}

function simplifyMessage(message: string): string {
  // "Invalid input: expected number, received string" -> "expected number, received string"
  return message.replace(/^Invalid input: /, "");
}

export function formatIssues(source: string, issues: readonly ConfigIssue[]): string {
  return [
    `${source}: ${issues.length} error${issues.length === 1 ? "" : "s"}`,
    ...issues.map((i) => `  ${i.path}: ${i.message}`),
  ].join("\n");
}
