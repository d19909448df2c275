import { readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { formatIssues } from "../../config/issues.js";
import { RampartError } from "../../core/index.js";
import { type AcceptableUseRule, checkPolicy } from "../../policy/index.js";

/**
 * Writes compiled acceptable-use rules into a policy file: only its `acceptableUse` key changes
 * (comments and every other setting stay as written). The new policy is validated first, and the
 * file is rewritten in place (not replaced), so a watcher on it sees the change.
 */
export function writeAcceptableUseToPolicyFile(file: string, rules: readonly AcceptableUseRule[]): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RampartError("config_not_found", `cannot read policy file ${file}`, { cause: error });
  }
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new RampartError(
      "config_invalid",
      `policy file ${file} is not valid YAML: ${document.errors[0]?.message}`,
    );
  document.set(
    "acceptableUse",
    rules.map((rule) => ({ ...rule })),
  );
  const checked = checkPolicy({ inline: document.toJS(), name: file });
  if (!checked.ok) throw new RampartError("invalid_request", formatIssues(checked.source, checked.issues));
  writeFileSync(file, document.toString({ lineWidth: 0 }));
}
