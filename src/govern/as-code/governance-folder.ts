import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { type Governance, governanceSchema } from "../records/governance-schema.js";
import { checkGovernance } from "./check-governance.js";

/** Where each section lives in the folder. Policy texts go to policies/<id>.md. */
export const SECTION_FILES = {
  assets: "assets.yaml",
  raci: "raci.yaml",
  risks: "risks.yaml",
  policies: "policies.yaml",
  classification: "classification.yaml",
  acceptableUse: "acceptable-use.yaml",
  audits: "audits.yaml",
  training: "training.yaml",
  attestations: "attestations.yaml",
} as const satisfies Record<keyof Governance, string>;
export const POLICY_TEXT_FOLDER = "policies";

type Section = keyof typeof SECTION_FILES;

/** A section's value when its file is absent. */
function emptySection(section: Section): unknown {
  switch (section) {
    case "assets":
      return { models: [], datasets: [], applications: [], systemPrompts: [], vendors: [], tools: [] };
    case "raci":
      return {};
    case "training":
      return { modules: [], people: {}, completions: [] };
    default:
      return [];
  }
}

/** One problem in the folder, with the file and the path inside it. */
export interface FolderIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export type LoadResult = { ok: true; governance: Governance } | { ok: false; issues: FolderIssue[] };

/** Reads and validates a governance folder; every problem is reported, none thrown. */
export function loadGovernanceFolder(dir: string): LoadResult {
  const issues: FolderIssue[] = [];
  const raw: Record<string, unknown> = {};
  for (const [section, file] of Object.entries(SECTION_FILES) as [Section, string][]) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      raw[section] = emptySection(section);
      continue;
    }
    try {
      raw[section] = parseYaml(readFileSync(path, "utf8")) ?? emptySection(section);
    } catch (error) {
      issues.push({ file, path: "", message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    }
  }
  if (Array.isArray(raw.policies)) {
    raw.policies = raw.policies.map((policy: unknown) => {
      if (typeof policy !== "object" || policy === null || !("id" in policy) || typeof policy.id !== "string")
        return policy;
      const textFile = join(dir, POLICY_TEXT_FOLDER, `${policy.id}.md`);
      if (!existsSync(textFile)) {
        issues.push({
          file: `${POLICY_TEXT_FOLDER}/${policy.id}.md`,
          path: "",
          message: "policy text is missing",
        });
        return policy;
      }
      return { ...policy, text: readFileSync(textFile, "utf8") };
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = governanceSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const [section, ...rest] = issue.path.map(String);
        return {
          file: SECTION_FILES[section as Section] ?? String(section),
          path: rest.join("."),
          message: issue.message,
        };
      }),
    };
  }
  const semantic = checkGovernance(parsed.data);
  return semantic.length > 0 ? { ok: false, issues: semantic } : { ok: true, governance: parsed.data };
}

/** Writes every section to its file (and policy texts to Markdown); what load reads back is equal. */
export function writeGovernanceFolder(dir: string, governance: Governance): string[] {
  mkdirSync(join(dir, POLICY_TEXT_FOLDER), { recursive: true });
  const written: string[] = [];
  for (const [section, file] of Object.entries(SECTION_FILES) as [Section, string][]) {
    const value =
      section === "policies"
        ? governance.policies.map(({ text: _text, ...rest }) => rest)
        : governance[section];
    writeFileSync(join(dir, file), stringify(value, { lineWidth: 0 }));
    written.push(file);
  }
  for (const policy of governance.policies) {
    const file = `${POLICY_TEXT_FOLDER}/${policy.id}.md`;
    writeFileSync(join(dir, file), policy.text);
    written.push(file);
  }
  return written;
}

export function formatFolderIssues(issues: readonly FolderIssue[]): string {
  return issues
    .map((issue) => `${issue.file}${issue.path === "" ? "" : `: ${issue.path}`}: ${issue.message}`)
    .join("\n");
}
