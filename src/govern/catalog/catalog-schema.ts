import { z } from "zod";
import { responsibilityLayers } from "../records/governance-schema.js";

/**
 * The framework catalogue: controls (catalog/controls.yaml) and frameworks
 * (catalog/frameworks/<id>/<version>.yaml). Ids, names and counts are facts taken from each
 * framework; every description is Rampart's own wording. Objects are strict.
 */

/** A lower-case id: "input-scanning", "owasp-llm-2025". */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and '-'");

/** Named configuration checks; src/govern/compliance/config-checks.ts implements each one. */
export const configCheckIds = [
  "input-scanning",
  "prompt-injection-blocked",
  "output-scanning",
  "output-markup-guard",
  "system-prompt-guard",
  "harmful-output-guard",
  "dangerous-command-guard",
  "streaming-enforced",
  "secrets-detector",
  "pii-redaction",
  "canary",
  "limits-set",
  "fail-closed",
  "audit-trail",
  "audit-retention",
  "audit-sinks",
  "upstreams-declared",
] as const;
export const configCheckIdSchema = z.enum(configCheckIds);
export type ConfigCheckId = z.infer<typeof configCheckIdSchema>;

/** Named checks over governance records; answered through the GovernanceRecordsSource interface. */
export const recordCheckIds = [
  "raci-complete",
  "risks-reviewed",
  "policies-approved",
  "training-done",
  "inventory-complete",
  "incidents-handled",
  "impact-assessed",
  "vendors-reviewed",
] as const;
export const recordCheckIdSchema = z.enum(recordCheckIds);
export type RecordCheckId = z.infer<typeof recordCheckIdSchema>;

/** Where a control finds its proof. */
export const evidenceSpecSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("config"), check: configCheckIdSchema }),
  z.strictObject({
    kind: z.literal("gateway"),
    /** categories whose findings count; empty: every decision counts */
    categories: z.array(z.string().min(1)).default([]),
    /** look-back window */
    windowDays: z.number().int().positive().default(30),
  }),
  z.strictObject({
    kind: z.literal("redteam"),
    /** OWASP LLM 2025 ids whose attack success rate is judged */
    owasp: z.array(z.string().regex(/^LLM(0[1-9]|10)$/)).min(1),
    maxAgeDays: z.number().int().positive().default(30),
    maxAsr: z.number().min(0).max(1).default(0.1),
  }),
  z.strictObject({ kind: z.literal("audit-chain"), maxAgeDays: z.number().int().positive().default(7) }),
  z.strictObject({ kind: z.literal("records"), check: recordCheckIdSchema }),
]);
export type EvidenceSpec = z.infer<typeof evidenceSpecSchema>;

export const controlSchema = z.strictObject({
  id: slug,
  /**
   * the shared-responsibility layers the control works in; with the models' deployment types they
   * decide whether the control is the organisation's duty or the provider's
   */
  layers: z.array(z.enum(responsibilityLayers)).min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  /** what to do when the control's evidence is missing or failing */
  action: z.string().min(1),
  evidence: z.array(evidenceSpecSchema).min(1),
  /** detector ids (src/detect/registry.ts) that carry the control at run time */
  detectors: z.array(z.string().min(1)).default([]),
  /** probe ids (catalog/probes) that test it */
  probes: z.array(z.string().min(1)).default([]),
});
export type Control = z.infer<typeof controlSchema>;

export const controlCatalogSchema = z.strictObject({
  version: z.literal(1),
  controls: z.array(controlSchema).min(1),
});
export type ControlCatalog = z.infer<typeof controlCatalogSchema>;

export const requirementSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  /** the section, function, tactic or article the requirement belongs to */
  group: z.string().min(1).optional(),
  /** Rampart's own summary */
  description: z.string().min(1).optional(),
  /** control ids; an empty list means the requirement needs an attestation */
  controls: z.array(slug).default([]),
  detectors: z.array(z.string().min(1)).default([]),
  probes: z.array(z.string().min(1)).default([]),
  /** the date the obligation applies from, where the framework sets one (kept as data: laws get amended) */
  appliesFrom: z.iso.date().optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const frameworkSchema = z.strictObject({
  id: slug,
  version: z.string().min(1),
  name: z.string().min(1),
  publisher: z.string().min(1),
  source: z.string().url(),
  /** the licence of the framework's own text, and what Rampart took from it */
  licence: z.string().min(1),
  /** how many requirements the framework has; the loader checks the list against it */
  expectedCount: z.number().int().positive(),
  /** named groups (ATLAS tactics); when present every requirement's group must be one of them */
  groups: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1) })).optional(),
  requirements: z.array(requirementSchema).min(1),
});
export type Framework = z.infer<typeof frameworkSchema>;
