import { z } from "zod";
import { categorySchema, sensitivitySchema, verdictSchema } from "../core/index.js";
import { acceptableUseRuleSchema, dataClassificationSchema, toolPolicySchema } from "./acceptable-use.js";

/**
 * The policy file (YAML or inline in rampart.yaml). Objects are strict: an unknown key is an
 * error. New concerns (acceptable-use matrix, tool allowlists, data classes) are added as new
 * top-level keys with their own schema file, and as new fields of the override patch.
 */

/** What the policy does with a finding of a category: the verdict values. */
export const actionSchema = verdictSchema;
export type Action = z.infer<typeof actionSchema>;

export const detectorSettingSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** low, medium or high; default: the scan's sensitivity (medium) */
  sensitivity: sensitivitySchema.optional(),
  /** the detector's own options, checked against its options schema */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type DetectorSetting = z.infer<typeof detectorSettingSchema>;

const detectorsSchema = z.record(z.string().min(1), detectorSettingSchema);
const actionsSchema = z.partialRecord(categorySchema, actionSchema);
/** finding type (`LOCATION`) or rule (`location.gazetteer`) -> action; wins over the category's action */
const findingActionsSchema = z.record(z.string().min(1), actionSchema);

export const sectionSchema = z.strictObject({
  /** detector id -> settings; only detectors listed (and enabled) run */
  detectors: detectorsSchema.default({}),
  /** category -> action; a category without an action is flagged */
  actions: actionsSchema.default({}),
  /** finer actions by finding rule or type, checked before `actions` (rule first, then type) */
  findingActions: findingActionsSchema.default({}),
  /** remove invisible characters (zero-width, bidi controls, tag characters) from the text passed on */
  stripInvisible: z.boolean().default(false),
});
export type PolicySection = z.infer<typeof sectionSchema>;

export const streamModes = ["hold-back", "buffer", "audit"] as const;
export const streamSchema = z.strictObject({
  /** hold-back: release text once scanned; buffer: scan the whole answer first; audit: never block */
  mode: z.enum(streamModes).default("hold-back"),
  /** characters held back (and overlapped) while streaming */
  windowChars: z.number().int().min(16).max(65_536).default(200),
});

export const failModeSchema = z.enum(["closed", "open"]);

/** A partial policy that an override merges over the base (shallow: per key). */
export const policyPatchSchema = z.strictObject({
  failMode: failModeSchema.optional(),
  scanBudgetMs: z.number().int().positive().max(60_000).optional(),
  scanBudgetMsPerKb: z.number().min(0).max(10_000).optional(),
  input: z
    .strictObject({
      detectors: detectorsSchema.optional(),
      actions: actionsSchema.optional(),
      findingActions: findingActionsSchema.optional(),
      stripInvisible: z.boolean().optional(),
    })
    .optional(),
  output: z
    .strictObject({
      detectors: detectorsSchema.optional(),
      actions: actionsSchema.optional(),
      findingActions: findingActionsSchema.optional(),
      stripInvisible: z.boolean().optional(),
    })
    .optional(),
  stream: streamSchema.partial().optional(),
  canary: z.boolean().optional(),
});
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export const overridesSchema = z.strictObject({
  /** caller role -> patch (applied last: most specific) */
  roles: z.record(z.string().min(1), policyPatchSchema).default({}),
  /** application name -> patch */
  apps: z.record(z.string().min(1), policyPatchSchema).default({}),
  /** model name, or a prefix ending in "*" ("llama-*") -> patch (applied first) */
  models: z.record(z.string().min(1), policyPatchSchema).default({}),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  /** start from the built-in default (merged per detector and per category) or from nothing */
  extends: z.enum(["default", "none"]).default("default"),
  /** closed: a scan that cannot finish blocks; open: it passes, and is recorded as skipped */
  failMode: failModeSchema.default("closed"),
  /** time for one scan of one text, all detectors together... */
  scanBudgetMs: z.number().int().positive().max(60_000).default(1000),
  /** ...plus this much per 1,024 characters of the text */
  scanBudgetMsPerKb: z.number().min(0).max(10_000).default(10),
  input: sectionSchema.prefault({}),
  output: sectionSchema.prefault({}),
  stream: streamSchema.prefault({}),
  /** plant a canary token in the system prompt and look for it in the answer */
  canary: z.boolean().default(false),
  /** the acceptable-use matrix: role x model x data class -> allowed, conditional, prohibited (first match wins) */
  acceptableUse: z.array(acceptableUseRuleSchema).default([]),
  /** how a request's data class is derived */
  dataClassification: dataClassificationSchema.prefault({}),
  /** tool allowlists per app (excessive agency) */
  tools: toolPolicySchema.prefault({}),
  overrides: overridesSchema.prefault({}),
});
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** A policy with overrides applied for one caller and model. */
export type EffectivePolicy = Omit<Policy, "overrides" | "extends">;
