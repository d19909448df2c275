import { createHash } from "node:crypto";
import type { Governance } from "../records/governance-schema.js";
import { validateRaci } from "../records/raci.js";

interface Issue {
  file: string;
  path: string;
  message: string;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const value of values) {
    if (seen.has(value)) repeated.push(value);
    seen.add(value);
  }
  return repeated;
}

/** Rules that a schema cannot state: RACI letters, unique ids, prompt hashes, references. */
export function checkGovernance(governance: Governance): Issue[] {
  const issues: Issue[] = [];
  for (const issue of validateRaci(governance.raci))
    issues.push({ file: "raci.yaml", path: issue.activity, message: issue.message });
  const { assets } = governance;
  const lists: [string, string, readonly { id: string }[]][] = [
    ["assets.yaml", "models", assets.models],
    ["assets.yaml", "datasets", assets.datasets],
    ["assets.yaml", "applications", assets.applications],
    ["assets.yaml", "systemPrompts", assets.systemPrompts],
    ["assets.yaml", "vendors", assets.vendors],
    ["assets.yaml", "tools", assets.tools],
    ["risks.yaml", "", governance.risks],
    ["policies.yaml", "", governance.policies],
    ["classification.yaml", "", governance.classification],
    ["audits.yaml", "", governance.audits],
  ];
  for (const [file, path, items] of lists)
    for (const id of duplicates(items.map((item) => item.id)))
      issues.push({ file, path, message: `id "${id}" appears more than once` });
  assets.systemPrompts.forEach((prompt, index) => {
    if (sha256Hex(prompt.text) !== prompt.sha256)
      issues.push({
        file: "assets.yaml",
        path: `systemPrompts.${index}.sha256`,
        message: "does not match the text",
      });
  });
  const models = new Set(assets.models.map((model) => model.id));
  assets.datasets.forEach((dataset, index) => {
    for (const link of ["trained", "tuned", "retrieval"] as const)
      for (const model of dataset[link])
        if (!models.has(model))
          issues.push({
            file: "assets.yaml",
            path: `datasets.${index}.${link}`,
            message: `unknown model "${model}"`,
          });
  });
  const classes = new Set(governance.classification.map((item) => item.id));
  governance.acceptableUse.forEach((rule, index) => {
    if (!classes.has(rule.dataClass))
      issues.push({
        file: "acceptable-use.yaml",
        path: `${index}.dataClass`,
        message: `unknown data class "${rule.dataClass}"`,
      });
  });
  return issues;
}
