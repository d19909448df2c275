import type { LoadedConfig } from "../../config/index.js";
import type { Category } from "../../core/index.js";
import type { Action, EffectivePolicy, Policy, PolicySection } from "../../policy/index.js";
import { resolvePolicy } from "../../policy/index.js";
import type { ConfigCheckId } from "../catalog/catalog-schema.js";

/** The outcome of one configuration check. */
export interface ConfigCheckResult {
  readonly passed: boolean;
  readonly summary: string;
  /** one line per place that fails ("app billing: no output detector enabled") */
  readonly problems: readonly string[];
}

/** A named effective policy: the base, and each override resolved on its own. */
interface Subject {
  readonly name: string;
  readonly policy: EffectivePolicy;
}

/** Minimum audit retention: six months, the deployer log-keeping floor of the EU AI Act (Art. 26(6)). */
export const MINIMUM_RETENTION_DAYS = 180;

/** The base policy and one effective policy per app, role and model override. */
export function policySubjects(policy: Policy): Subject[] {
  const subjects: Subject[] = [{ name: "base policy", policy: resolvePolicy(policy) }];
  for (const app of Object.keys(policy.overrides.apps)) {
    subjects.push({ name: `app ${app}`, policy: resolvePolicy(policy, { app }) });
  }
  for (const role of Object.keys(policy.overrides.roles)) {
    subjects.push({ name: `role ${role}`, policy: resolvePolicy(policy, { role }) });
  }
  for (const model of Object.keys(policy.overrides.models)) {
    subjects.push({ name: `model ${model}`, policy: resolvePolicy(policy, { model }) });
  }
  return subjects;
}

function enabled(section: PolicySection, detector: string): boolean {
  return section.detectors[detector]?.enabled === true;
}

function anyEnabled(section: PolicySection): boolean {
  return Object.values(section.detectors).some((setting) => setting.enabled);
}

/** A detector on, and its category acted on with one of the allowed actions. */
function guarded(
  section: PolicySection,
  detector: string,
  category: Category,
  allowed: readonly Action[],
): string | undefined {
  if (!enabled(section, detector)) return `${detector} detector not enabled`;
  const action = section.actions[category] ?? "flag";
  return allowed.includes(action)
    ? undefined
    : `${category} action is ${action} (needs ${allowed.join(" or ")})`;
}

type PerSubject = (policy: EffectivePolicy) => readonly (string | undefined)[];

function everySubject(policy: Policy, what: string, test: PerSubject): ConfigCheckResult {
  const subjects = policySubjects(policy);
  const problems: string[] = [];
  for (const subject of subjects) {
    for (const problem of test(subject.policy)) {
      if (problem !== undefined) problems.push(`${subject.name}: ${problem}`);
    }
  }
  const count = `${subjects.length} effective ${subjects.length === 1 ? "policy" : "policies"}`;
  return problems.length === 0
    ? { passed: true, summary: `${what} in all ${count}`, problems }
    : { passed: false, summary: `${what}: ${problems.length} problem(s) across ${count}`, problems };
}

const BLOCK: readonly Action[] = ["block"];
const REDACT_OR_BLOCK: readonly Action[] = ["redact", "block"];
const ACTED_ON: readonly Action[] = ["flag", "redact", "block"];

function single(passed: boolean, summary: string, problem: string): ConfigCheckResult {
  return { passed, summary, problems: passed ? [] : [problem] };
}

/** Runs one named check against the loaded configuration and its policy. */
export function runConfigCheck(id: ConfigCheckId, loaded: LoadedConfig, policy: Policy): ConfigCheckResult {
  const config = loaded.config;
  switch (id) {
    case "input-scanning":
      return everySubject(policy, "input detectors enabled", (p) => [
        anyEnabled(p.input) ? undefined : "no input detector enabled",
      ]);
    case "prompt-injection-blocked":
      return everySubject(policy, "prompt injection blocked", (p) => [
        guarded(p.input, "prompt-injection", "prompt-injection", BLOCK),
      ]);
    case "output-scanning":
      return everySubject(policy, "output detectors enabled", (p) => [
        anyEnabled(p.output) ? undefined : "no output detector enabled",
      ]);
    case "output-markup-guard":
      return everySubject(policy, "unsafe markup and exfiltration links removed from answers", (p) => [
        guarded(p.output, "unsafe-markup", "unsafe-markup", REDACT_OR_BLOCK),
        guarded(p.output, "exfiltration", "exfiltration", REDACT_OR_BLOCK),
      ]);
    case "system-prompt-guard":
      return everySubject(policy, "system-prompt leaks blocked", (p) => [
        guarded(p.output, "system-prompt-leak", "system-prompt-leak", BLOCK),
      ]);
    case "harmful-output-guard":
      return everySubject(policy, "jailbreak compliance blocked", (p) => [
        guarded(p.output, "jailbreak-compliance", "jailbreak-compliance", BLOCK),
      ]);
    case "dangerous-command-guard":
      return everySubject(policy, "dangerous commands in answers acted on", (p) => [
        guarded(p.output, "dangerous-command", "dangerous-command", ACTED_ON),
      ]);
    case "streaming-enforced":
      return everySubject(policy, "streams scanned before release", (p) => [
        p.stream.mode === "audit" ? "stream mode is audit (answers are released unscanned)" : undefined,
      ]);
    case "secrets-detector":
      return everySubject(policy, "secret detector on input and output", (p) => [
        guarded(p.input, "secret", "secret", ACTED_ON),
        guarded(p.output, "secret", "secret", ACTED_ON),
      ]);
    case "pii-redaction":
      return everySubject(policy, "personal data redacted in prompts", (p) => [
        guarded(p.input, "pii", "pii", REDACT_OR_BLOCK),
      ]);
    case "canary":
      return everySubject(policy, "canary token planted", (p) => [p.canary ? undefined : "canary is off"]);
    case "fail-closed":
      return everySubject(policy, "failed scans block", (p) => [
        p.failMode === "closed" ? undefined : "failMode is open",
      ]);
    case "limits-set":
      return limitsCheck(loaded);
    case "audit-trail": {
      const memory = config.storage.url === "sqlite::memory:";
      return single(
        !memory,
        memory ? "audit trail kept in memory only" : "audit trail written to persistent storage",
        "storage.url is sqlite::memory:, so the trail is lost on restart",
      );
    }
    case "audit-retention":
      return single(
        config.audit.retentionDays >= MINIMUM_RETENTION_DAYS,
        `audit retention ${config.audit.retentionDays} days (minimum ${MINIMUM_RETENTION_DAYS})`,
        `audit.retentionDays is ${config.audit.retentionDays}`,
      );
    case "audit-sinks":
      return single(
        config.audit.sinks.length > 0,
        `${config.audit.sinks.length} audit sink(s) configured`,
        "no audit sink forwards events to monitoring",
      );
    case "upstreams-declared":
      return single(
        config.upstreams.length > 0,
        `${config.upstreams.length} upstream(s) declared`,
        "no upstream declared in rampart.yaml",
      );
  }
}

type ScopeLimits = LoadedConfig["config"]["limits"]["key"];

function scopeLimited(scope: ScopeLimits): boolean {
  const rate = scope.requestsPerMinute !== undefined || scope.requestsPerDay !== undefined;
  const tokens =
    scope.tokensPerMinute !== undefined ||
    scope.tokensPerDay !== undefined ||
    scope.maxCompletionTokens !== undefined;
  return rate && tokens;
}

function limitsCheck(loaded: LoadedConfig): ConfigCheckResult {
  const limits = loaded.config.limits;
  const scopes = [
    ...(scopeLimited(limits.key) ? ["every key"] : []),
    ...Object.entries(limits.apps)
      .filter(([, scope]) => scopeLimited(scope))
      .map(([app]) => `app ${app}`),
    ...Object.entries(limits.teams)
      .filter(([, scope]) => scopeLimited(scope))
      .map(([team]) => `team ${team}`),
  ];
  if (scopes.includes("every key")) {
    return { passed: true, summary: "request and token limits on every key", problems: [] };
  }
  return scopes.length > 0
    ? {
        passed: false,
        summary: `request and token limits only for ${scopes.join(", ")}`,
        problems: ["limits.key sets no request rate and token limit, so other keys are unbounded"],
      }
    : { passed: false, summary: "no request or token limits", problems: ["limits.key sets no limits"] };
}
