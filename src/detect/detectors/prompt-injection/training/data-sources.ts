import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { RampartError } from "../../../../core/errors.js";

/** A row of shared/data/normalized/prompt_attacks.jsonl. */
export const promptAttackRowSchema = z.object({
  id: z.string(),
  text: z.string(),
  label: z.enum(["benign", "injection", "jailbreak", "harmful"]),
  source: z.string(),
  subset: z.string(),
  lang: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type PromptAttackRow = z.infer<typeof promptAttackRowSchema>;

/** The repository root, found from this module (src/detect/detectors/prompt-injection/training/). */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));

/** `RAMPART_DATA_DIR`, or `../shared/data` next to the repository. */
export function dataDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  return resolve(environment.RAMPART_DATA_DIR ?? resolve(REPOSITORY_ROOT, "../shared/data"));
}

export const PROMPT_ATTACKS_FILE = "normalized/prompt_attacks.jsonl";

/** Reads and validates every row; throws a one-line RampartError when the data is absent. */
export function loadPromptAttacks(directory: string = dataDirectory()): PromptAttackRow[] {
  const file = resolve(directory, PROMPT_ATTACKS_FILE);
  if (!existsSync(file)) {
    throw new RampartError(
      "config_not_found",
      `training data not found: ${file} (set RAMPART_DATA_DIR to the shared data folder)`,
    );
  }
  const rows: PromptAttackRow[] = [];
  for (const [index, line] of readFileSync(file, "utf8").split("\n").entries()) {
    if (line.trim() === "") continue;
    const parsed = promptAttackRowSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new RampartError("config_invalid", `${file}:${index + 1}: ${parsed.error.message}`);
    rows.push(parsed.data);
  }
  return rows;
}

/**
 * Injection and jailbreak rows are positives; benign rows are negatives. `harmful` rows (plain
 * harmful requests such as "how do I pick a lock") are NOT prompt injection: they attack nothing
 * in the instructions, and content-safety detectors own them. They are kept as negatives so the
 * model learns the attack's form, not its topic, and their flag rate is reported on its own.
 */
export function isPositive(row: PromptAttackRow): boolean {
  return row.label === "injection" || row.label === "jailbreak";
}

/** Where the inserted attack sits in a BIPIA row, when it can be found. */
export function attackSpan(row: PromptAttackRow): readonly [number, number] | undefined {
  const attack = row.meta?.attack;
  if (typeof attack !== "string" || attack.length === 0) return undefined;
  const start = row.text.indexOf(attack);
  return start >= 0 ? [start, start + attack.length] : undefined;
}

/** BIPIA's own test split: kept out of the shipped model's training so it can be reported. */
export function isBipiaTest(row: PromptAttackRow): boolean {
  return row.source === "bipia" && row.meta?.bipia_split === "test";
}
