import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type ConfigIssue, formatIssues, issuesFromZod } from "../config/issues.js";
import { deepFreeze, type LoadedConfig, parseConfigText } from "../config/load.js";
import { RampartError } from "../core/index.js";
import { defaultPolicy } from "./default-policy.js";
import { extendPolicy } from "./merge.js";
import { type Policy, policySchema } from "./schema.js";
import { resolvePolicyPaths, validatePolicyDetectors } from "./validate.js";

/** Where a policy comes from: a YAML file, or an object (inline in rampart.yaml, tests). */
export type PolicySource =
  | { readonly file: string; readonly cwd?: string }
  /** `baseDir`: where relative paths in the policy point from (the configuration file's folder) */
  | { readonly inline: unknown; readonly name?: string; readonly baseDir?: string };

export type PolicyCheck =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly source: string; readonly issues: ConfigIssue[] };

function readSource(
  source: PolicySource,
  issues: ConfigIssue[],
): { name: string; raw: unknown; baseDir: string } {
  if ("inline" in source)
    return {
      name: source.name ?? "(inline policy)",
      raw: source.inline,
      baseDir: source.baseDir ?? process.cwd(),
    };
  const path = resolve(source.cwd ?? process.cwd(), source.file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new RampartError("config_not_found", `cannot read policy file ${source.file}`, { cause: error });
  }
  return { name: source.file, raw: parseConfigText(text, issues), baseDir: dirname(path) };
}

/** Parses and validates a policy without throwing: every problem comes back with its path. */
export function checkPolicy(source: PolicySource): PolicyCheck {
  const issues: ConfigIssue[] = [];
  const { name, raw, baseDir } = readSource(source, issues);
  if (issues.length > 0) return { ok: false, source: name, issues };
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, source: name, issues: issuesFromZod(parsed.error) };
  issues.push(...validatePolicyDetectors(parsed.data));
  if (issues.length > 0) return { ok: false, source: name, issues };
  const own = resolvePolicyPaths(parsed.data, baseDir);
  const policy = own.extends === "default" ? extendPolicy(defaultPolicy(), own) : own;
  return { ok: true, policy: deepFreeze(policy) };
}

/** Loads a policy or throws one RampartError (config_invalid) listing every `path: message`. */
export function loadPolicy(source: PolicySource): Policy {
  const result = checkPolicy(source);
  if (result.ok) return result.policy;
  throw new RampartError("config_invalid", formatIssues(result.source, result.issues), {
    details: { issues: result.issues },
  });
}

/**
 * The policy of a configuration: `policy:` as a path (relative to the configuration file), as an
 * inline mapping, or the built-in default when absent.
 */
export function loadPolicyFromConfig(loaded: LoadedConfig): Policy {
  const setting = loaded.config.policy;
  if (setting === undefined) return deepFreeze(defaultPolicy());
  if (typeof setting === "string") return loadPolicy({ file: setting, cwd: loaded.baseDir });
  return loadPolicy({
    inline: setting,
    name: `${loaded.file ?? "configuration"} (policy)`,
    baseDir: loaded.baseDir,
  });
}
