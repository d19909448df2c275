import type { ConfigIssue } from "./issues.js";
import { formatPath } from "./issues.js";

/**
 * `${NAME}` and `${NAME:-fallback}` references in string values are replaced by environment
 * variables, so secrets stay out of the file. A reference to an unset variable without a
 * fallback is an error that names the path. `$${...}` is a literal `${...}`.
 */
const ENV_REFERENCE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export function substituteEnvironment(
  value: unknown,
  env: NodeJS.ProcessEnv,
  issues: ConfigIssue[],
  path: PropertyKey[] = [],
): unknown {
  if (typeof value === "string") {
    return value.replace(
      ENV_REFERENCE,
      (match, dollar: string, name: string, fallback: string | undefined) => {
        if (dollar === "$") return match.slice(1);
        const found = env[name];
        if (found !== undefined) return found;
        if (fallback !== undefined) return fallback;
        issues.push({ path: formatPath(path), message: `environment variable ${name} is not set` });
        return "";
      },
    );
  }
  if (Array.isArray(value))
    return value.map((item, index) => substituteEnvironment(item, env, issues, [...path, index]));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = substituteEnvironment(item, env, issues, [...path, key]);
    return out;
  }
  return value;
}

/**
 * RAMPART_* environment overrides. Each maps one variable to one setting; numbers and booleans
 * are converted. They win over the file.
 */
export const environmentOverrides: readonly {
  variable: string;
  path: readonly string[];
  kind: "string" | "number" | "boolean";
}[] = [
  { variable: "RAMPART_SERVER_HOST", path: ["server", "host"], kind: "string" },
  { variable: "RAMPART_SERVER_PORT", path: ["server", "port"], kind: "number" },
  { variable: "RAMPART_SERVER_BODY_LIMIT_BYTES", path: ["server", "bodyLimitBytes"], kind: "number" },
  { variable: "RAMPART_LOG_LEVEL", path: ["server", "logLevel"], kind: "string" },
  { variable: "RAMPART_TRUST_PROXY", path: ["server", "trustProxy"], kind: "boolean" },
  { variable: "RAMPART_STORAGE_URL", path: ["storage", "url"], kind: "string" },
  { variable: "RAMPART_REDIS_URL", path: ["redis", "url"], kind: "string" },
  { variable: "RAMPART_POLICY", path: ["policy"], kind: "string" },
  { variable: "RAMPART_AUDIT_CONTENT", path: ["audit", "content"], kind: "string" },
  { variable: "RAMPART_AUDIT_DURABILITY", path: ["audit", "durability"], kind: "string" },
];

export function applyEnvironmentOverrides(
  raw: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  issues: ConfigIssue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(raw);
  for (const override of environmentOverrides) {
    const text = env[override.variable];
    if (text === undefined || text === "") continue;
    let value: unknown = text;
    if (override.kind === "number") {
      value = Number(text);
      if (!Number.isFinite(value)) {
        issues.push({ path: override.variable, message: `must be a number, got "${text}"` });
        continue;
      }
    } else if (override.kind === "boolean") {
      if (!/^(true|false|1|0)$/i.test(text)) {
        issues.push({ path: override.variable, message: `must be true or false, got "${text}"` });
        continue;
      }
      value = /^(true|1)$/i.test(text);
    }
    setPath(out, override.path, value);
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}
