import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isMap, parseDocument } from "yaml";
import { RampartError } from "../core/index.js";
import { applyEnvironmentOverrides, substituteEnvironment } from "./environment.js";
import { type ConfigIssue, formatIssues, issuesFromZod } from "./issues.js";
import { type RampartConfig, rampartConfigSchema } from "./schema.js";

/** A parsed, validated, frozen configuration and where it came from. */
export interface LoadedConfig {
  readonly config: RampartConfig;
  /** the file read, or undefined when the defaults were used */
  readonly file: string | undefined;
  /** folder that relative paths in the file (policy, sqlite) are resolved against */
  readonly baseDir: string;
}

export type ConfigCheck =
  | { ok: true; loaded: LoadedConfig }
  | { ok: false; source: string; issues: ConfigIssue[] };

export const DEFAULT_CONFIG_FILE = "rampart.yaml";

export interface LoadOptions {
  /** explicit --config FILE; otherwise RAMPART_CONFIG, then ./rampart.yaml if it exists, then defaults */
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

function pickFile(options: LoadOptions, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const explicit = options.file ?? env.RAMPART_CONFIG;
  if (explicit !== undefined && explicit !== "") {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) {
      throw new RampartError("config_not_found", `configuration file ${explicit} does not exist`);
    }
    return path;
  }
  const fallback = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(fallback) ? fallback : undefined;
}

/** Parses YAML text into a plain object, with YAML syntax errors as issues (line and column). */
export function parseConfigText(text: string, issues: ConfigIssue[]): Record<string, unknown> {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  for (const error of document.errors) {
    const where = error.linePos?.[0];
    issues.push({
      path: where ? `line ${where.line}, column ${where.col}` : "(yaml)",
      message: `invalid YAML: ${error.message.split("\n")[0] ?? error.code}`,
    });
  }
  if (document.errors.length > 0) return {};
  if (document.contents === null) return {};
  if (!isMap(document.contents)) {
    issues.push({ path: "(root)", message: "must be a mapping of settings (key: value)" });
    return {};
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** Checks a configuration without throwing: every problem is returned with its path. */
export function checkConfig(options: LoadOptions = {}): ConfigCheck {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = pickFile(options, env, cwd);
  const source = file ?? "(defaults)";
  const issues: ConfigIssue[] = [];
  let raw: Record<string, unknown> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new RampartError("config_not_found", `cannot read configuration file ${file}`, { cause: error });
    }
    raw = parseConfigText(text, issues);
  }
  if (issues.length > 0) return { ok: false, source, issues };
  const substituted = substituteEnvironment(raw, env, issues) as Record<string, unknown>;
  const overridden = applyEnvironmentOverrides(substituted, env, issues);
  const parsed = rampartConfigSchema.safeParse(overridden);
  // a setting whose environment reference failed is reported once, for the reference
  const reported = new Set(issues.map((issue) => issue.path));
  if (!parsed.success)
    issues.push(...issuesFromZod(parsed.error).filter((issue) => !reported.has(issue.path)));
  if (parsed.success) issues.push(...crossChecks(parsed.data));
  if (issues.length > 0 || !parsed.success) return { ok: false, source, issues };
  const baseDir = file === undefined ? cwd : dirname(file);
  return { ok: true, loaded: { config: deepFreeze(parsed.data), file, baseDir } };
}

/** Loads the configuration or throws one RampartError (config_invalid) that lists every issue. */
export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const result = checkConfig(options);
  if (result.ok) return result.loaded;
  throw new RampartError("config_invalid", formatIssues(result.source, result.issues), {
    details: { issues: result.issues },
  });
}

/** Rules that span several settings. */
function crossChecks(config: RampartConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  config.upstreams.forEach((upstream, index) => {
    const earlier = seen.get(upstream.name);
    if (earlier !== undefined) {
      issues.push({
        path: `upstreams[${index}].name`,
        message: `duplicates upstreams[${earlier}].name "${upstream.name}"`,
      });
    } else seen.set(upstream.name, index);
  });
  return issues;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
