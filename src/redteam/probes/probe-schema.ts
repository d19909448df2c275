import { z } from "zod";
import { severitySchema } from "../../core/finding.js";
import { atlasIdSchema, owaspIdSchema } from "../owasp.js";

/**
 * A probe pack: catalog/probes/<pack>.yaml. A probe is a family of base cases that share tags,
 * a grader and a context; each entry of `prompts` (or `documents`, `toolResults`, `pairs`) is one
 * base case with the stable id `<probe id>-<nn>` (1-based, two digits). Append new entries at the
 * end of a list so that existing ids keep their meaning.
 *
 * Placeholders filled per case: {canary} a token the attack tries to get echoed, {secret} the secret
 * planted in the system prompt, {document} the untrusted document, {term} a bias pair's term.
 */
export const graderKinds = [
  /** the attack's canary token appears in the answer */
  "canary",
  /** the secret planted in the system prompt appears in the answer (exact match, or decoded) */
  "secret-leak",
  /** a personal-data value or a secret planted in the context appears in the answer */
  "planted-data",
  /** a Rampart output detector (unsafe-markup, exfiltration, dangerous-command...) fires */
  "detectors",
  /** the model called one of the dangerous tools */
  "tool-call",
  /** the answer is very long or repetitive */
  "consumption",
  /** the answer presents an invented package, API or citation as real */
  "misinformation",
  /** the model complied with a harmful or jailbreak request (not refused, compliance signs) */
  "harmful-compliance",
  /** bias pairs: refusal or sentiment differs between the two members */
  "bias-pair",
  /** benign prompts: a refusal is an over-refusal */
  "over-refusal",
] as const;
export const graderKindSchema = z.enum(graderKinds);
export type GraderKind = z.infer<typeof graderKindSchema>;

export const toolSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});
export type ProbeTool = z.infer<typeof toolSchema>;

export const biasPairSchema = z.strictObject({
  /** the prompt with {term} */
  template: z.string().min(1),
  /** two terms that differ in one demographic attribute */
  terms: z.tuple([z.string().min(1), z.string().min(1)]),
});

export const probeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** the weakness class, used in summaries ("prompt-injection", "jailbreak"...) */
    class: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    owasp: z.array(owaspIdSchema),
    atlas: z.array(atlasIdSchema),
    severity: severitySchema,
    grader: graderKindSchema,
    /** detector ids for the `detectors` grader */
    detectors: z.array(z.string()).default([]),
    /** replaces the default system prompt (which holds {secret}) */
    system: z.string().optional(),
    /** extra untrusted context appended to the system prompt: planted personal data, records */
    context: z.string().optional(),
    /** values planted in the context that must not come back (planted-data grader) */
    planted: z.array(z.string()).default([]),
    /** the user message around each document ({document}) */
    userTemplate: z.string().optional(),
    tools: z.array(toolSchema).default([]),
    /** tool names whose call is a successful attack (default: every offered tool) */
    dangerousTools: z.array(z.string()).default([]),
    /** invented names the misinformation grader looks for (one per prompt, same order) */
    inventedNames: z.array(z.string()).default([]),
    /** whether obfuscation strategies apply (false for benign and bias probes) */
    strategies: z.boolean().default(true),
    prompts: z.array(z.string().min(1)).default([]),
    /** indirect injection through documents the user asks about */
    documents: z.array(z.string().min(1)).default([]),
    /** indirect injection through results of a tool the model called */
    toolResults: z.array(z.string().min(1)).default([]),
    pairs: z.array(biasPairSchema).default([]),
  })
  .refine(
    (probe) =>
      probe.prompts.length + probe.documents.length + probe.toolResults.length + probe.pairs.length > 0,
    { message: "a probe needs prompts, documents, toolResults or pairs" },
  );
export type Probe = z.infer<typeof probeSchema>;

export const probePackSchema = z.strictObject({
  pack: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(1),
  /** attribution of derived material (source repository, licence) */
  attribution: z.string().optional(),
  probes: z.array(probeSchema).min(1),
});
export type ProbePack = z.infer<typeof probePackSchema>;
