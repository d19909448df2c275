import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { RampartError } from "../../../core/errors.js";
import {
  deploymentTypes,
  responsibilityLayers,
  responsibilityParties,
} from "../../records/governance-schema.js";

/**
 * The governance snapshot as a file (JSON or YAML): the contract between the governance records
 * and the compliance engine when they do not share a process (`rampart comply --records FILE`).
 * Times are ISO 8601 strings. Unknown fields are kept out; missing lists are empty.
 */
const time = z.iso.datetime({ offset: true });
const optionalTime = time.nullable().optional();

export const governanceSnapshotSchema = z.object({
  assets: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.string().min(1),
        name: z.string().min(1),
        owner: z.string().nullable().optional(),
        updatedAt: time,
        /** models: how it is deployed, and layers that differ from the deployment's defaults */
        deployment: z.enum(deploymentTypes).optional(),
        responsibility: z
          .partialRecord(z.enum(responsibilityLayers), z.enum(responsibilityParties))
          .optional(),
      }),
    )
    .default([]),
  risks: z
    .array(
      z.object({
        id: z.string().min(1),
        status: z.string().min(1),
        reviewDate: optionalTime,
        updatedAt: time,
      }),
    )
    .default([]),
  raci: z
    .array(
      z.object({
        activity: z.string().min(1),
        assignments: z.record(z.string(), z.enum(["R", "A", "C", "I"])),
      }),
    )
    .default([]),
  policies: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        state: z.string().min(1),
        reviewDue: optionalTime,
        updatedAt: time,
      }),
    )
    .default([]),
  training: z
    .array(
      z.object({
        assignee: z.string().min(1),
        module: z.string().min(1),
        dueAt: time,
        completedAt: optionalTime,
      }),
    )
    .default([]),
  incidents: z
    .array(
      z.object({
        id: z.string().min(1),
        status: z.string().min(1),
        deadlineAt: optionalTime,
        updatedAt: time,
      }),
    )
    .default([]),
  impactAssessments: z.array(z.object({ assetId: z.string().min(1), at: time })).default([]),
  vendors: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        reviewedAt: optionalTime,
        reviewDueAt: optionalTime,
      }),
    )
    .default([]),
  attestations: z
    .array(
      z.object({
        framework: z.string().min(1),
        requirement: z.string().min(1),
        status: z.enum(["attested", "not-applicable"]),
        by: z.string().min(1),
        at: time,
        expiresAt: time.optional(),
        note: z.string(),
      }),
    )
    .default([]),
});

/** Reads and validates a snapshot file; a missing or invalid file is a usage error. */
export function readGovernanceSnapshot(path: string): z.infer<typeof governanceSnapshotSchema> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new RampartError("usage", `cannot read governance records ${path}`, { cause: error });
  }
  const parsed = governanceSnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError("usage", `${path}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
