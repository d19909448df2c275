import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { categorySchema, RampartError } from "../core/index.js";

const common = {
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  description: z.string().default(""),
  severity: z.enum(["low", "medium", "high", "critical"]),
  /** the playbook an incident opened from this rule's alerts follows; null: alert only */
  playbook: z.string().nullable().default(null),
  /** whether an alert opens an incident */
  openIncident: z.boolean().default(false),
  /** baselines and counts per API key or per app */
  per: z.enum(["key", "app"]).default("key"),
  /** one alert per rule and principal within this many seconds */
  dedupSeconds: z.number().int().positive().default(900),
};

/** N findings of the categories (any one category when none are named) from one principal within a window. */
const categoryCountRule = z.strictObject({
  ...common,
  kind: z.literal("category-count"),
  categories: z.array(categorySchema).default([]),
  direction: z.enum(["input", "output", "any"]).default("any"),
  threshold: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
});

/** A per-bucket figure far above the principal's EWMA baseline (z-score). */
const baselineRule = z.strictObject({
  ...common,
  kind: z.literal("baseline"),
  metric: z.enum(["requests", "tokens", "blocks"]),
  bucketSeconds: z.number().int().positive().default(60),
  zScore: z.number().positive().default(4),
  /** buckets of history before the rule fires */
  minBuckets: z.number().int().positive().default(10),
  /** a bucket below this never alerts (quiet principals) */
  minValue: z.number().nonnegative().default(10),
  /** EWMA smoothing factor */
  alpha: z.number().gt(0).lt(1).default(0.1),
});

/** A model this principal has not used before, once it has a history. */
const newModelRule = z.strictObject({
  ...common,
  kind: z.literal("new-model"),
  warmupEvents: z.number().int().positive().default(50),
});

/** Use in an hour of the day (UTC) in which this principal has never been seen, once it has a history. */
const unusualHourRule = z.strictObject({
  ...common,
  kind: z.literal("unusual-hour"),
  warmupEvents: z.number().int().positive().default(200),
});

export const monitorRuleSchema = z.discriminatedUnion("kind", [
  categoryCountRule,
  baselineRule,
  newModelRule,
  unusualHourRule,
]);
export type MonitorRule = z.infer<typeof monitorRuleSchema>;
export type CategoryCountRule = z.infer<typeof categoryCountRule>;
export type BaselineRule = z.infer<typeof baselineRule>;

export const monitorRulesFileSchema = z.strictObject({
  version: z.literal(1),
  rules: z.array(monitorRuleSchema),
});

/** The default rules shipped with Rampart. */
export const DEFAULT_MONITOR_RULES_FILE = new URL("../../catalog/monitor-rules.yaml", import.meta.url);

/** Parses a rules file's text; every issue names its path. Rule ids must be unique. */
export function parseMonitorRules(text: string, where: string): readonly MonitorRule[] {
  const parsed = monitorRulesFileSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError(
      "config_invalid",
      `${where}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid monitor rules"}`,
    );
  }
  const seen = new Set<string>();
  for (const rule of parsed.data.rules) {
    if (seen.has(rule.id))
      throw new RampartError("config_invalid", `${where}: rule id '${rule.id}' appears twice`);
    seen.add(rule.id);
  }
  return Object.freeze(parsed.data.rules);
}

/** Loads a rules file (default: catalog/monitor-rules.yaml). */
export function loadMonitorRules(file: string | URL = DEFAULT_MONITOR_RULES_FILE): readonly MonitorRule[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RampartError("config_not_found", `cannot read monitor rules ${String(file)}`, { cause: error });
  }
  return parseMonitorRules(text, String(file));
}
