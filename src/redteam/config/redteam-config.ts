import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { RampartError } from "../../core/errors.js";

/** The environment variable read for the target's API key when neither flag nor file gives one. */
export const API_KEY_ENVIRONMENT = "RAMPART_REDTEAM_API_KEY";

/** A comma list or a YAML list. */
const listSchema = z
  .union([z.array(z.string().min(1)), z.string()])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(","))
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );

/** redteam.yaml: the same settings as the flags, camelCase. Flags override the file. */
export const redteamFileSchema = z.strictObject({
  target: z.url().optional(),
  model: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  systemPrompt: z.string().min(1).optional(),
  probes: listSchema.optional(),
  strategies: listSchema.optional(),
  concurrency: z.number().int().min(1).max(256).optional(),
  rate: z.number().min(0).optional(),
  seed: z.number().int().optional(),
  out: z.string().min(1).optional(),
  format: listSchema.optional(),
  failOnAsr: z.number().min(0).max(1).optional(),
  timeoutMs: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});
export type RedteamFile = z.infer<typeof redteamFileSchema>;

/** The settings of a run after the file, the flags and the defaults are merged (frozen). */
export const redteamSettingsSchema = z.strictObject({
  target: z.url({ message: "--target must be a URL such as http://127.0.0.1:11434/v1" }),
  model: z.string({ message: "--model is required" }).min(1),
  apiKey: z.string().min(1).optional(),
  systemPrompt: z.string().min(1).optional(),
  probes: z.array(z.string()).default([]),
  strategies: z.array(z.string()).default([]),
  concurrency: z.number().int().min(1).max(256).default(4),
  rate: z.number().min(0).default(0),
  seed: z.number().int().default(1),
  out: z.string().min(1).default("redteam-run"),
  format: z.array(z.string()).default(["json"]),
  failOnAsr: z.number().min(0).max(1).optional(),
  timeoutMs: z.number().int().positive().default(60_000),
  retries: z.number().int().min(0).max(10).default(3),
});
export type RedteamSettings = z.infer<typeof redteamSettingsSchema>;

/** Reads redteam.yaml; paths in it (systemPrompt, out) are relative to its folder. */
export function readRedteamFile(path: string): RedteamFile {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new RampartError("config_invalid", `cannot read ${path}`, { cause: error });
  }
  const parsed = redteamFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError(
      "config_invalid",
      `${path}: ${issue?.path.join(".") || "file"}: ${issue?.message}`,
    );
  }
  const folder = dirname(resolve(path));
  const file = parsed.data;
  return {
    ...file,
    ...(file.systemPrompt === undefined ? {} : { systemPrompt: resolve(folder, file.systemPrompt) }),
    ...(file.out === undefined ? {} : { out: resolve(folder, file.out) }),
  };
}

/** Merges file and flags (flags win), the environment's API key, and the defaults. */
export function resolveRedteamSettings(
  file: RedteamFile,
  flags: Partial<RedteamFile>,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): RedteamSettings {
  const defined = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const merged = { ...file, ...defined };
  const apiKey = merged.apiKey ?? environment[API_KEY_ENVIRONMENT];
  const parsed = redteamSettingsSchema.safeParse({ ...merged, ...(apiKey ? { apiKey } : {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RampartError(
      "usage",
      issue?.message.startsWith("--") ? issue.message : `${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  return Object.freeze(parsed.data);
}
