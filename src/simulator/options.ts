import { z } from "zod";
import { RampartError } from "../core/errors.js";
import { resolveProfile } from "./profiles/index.js";
import type { SimulatorProfile } from "./profiles/profile.js";

/** The largest request body the simulator reads; a larger one gets HTTP 413. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

const optionsSchema = z.strictObject({
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free port */
  port: z.number().int().min(0).max(65_535).default(0),
  /** a profile name (see profiles/index.ts) */
  profile: z.string().min(1).default("default"),
  /** delay before the first byte of every answer: time to first token */
  latencyMs: z.number().int().min(0).max(600_000).default(0),
  /** delay between stream chunks; 0 sends a whole stream in one write */
  chunkDelayMs: z.number().int().min(0).max(60_000).default(0),
  /** when set, requests must carry `Authorization: Bearer <apiKey>` */
  apiKey: z.string().min(1).optional(),
  maxBodyBytes: z.number().int().positive().default(DEFAULT_MAX_BODY_BYTES),
});

export type SimulatorOptions = z.input<typeof optionsSchema>;

export interface ResolvedSimulatorOptions extends Readonly<Omit<z.output<typeof optionsSchema>, "profile">> {
  readonly profile: SimulatorProfile;
}

/** Merges the defaults once and resolves the profile; bad options are a usage error. */
export function resolveSimulatorOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "options";
    throw new RampartError("usage", `simulator ${where}: ${issue?.message ?? "invalid"}`);
  }
  return Object.freeze({ ...parsed.data, profile: resolveProfile(parsed.data.profile) });
}
