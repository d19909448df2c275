import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { RampartError } from "../../core/errors.js";
import type { GradedCase } from "../report/build-run-report.js";
import { caseResultSchema } from "../report/run-report.js";
import { type ChatAnswer, chatAnswerSchema } from "../targets/chat-types.js";

/**
 * A run directory: `run-config.json` (what the run is), `responses.jsonl` (answers by request
 * hash: the cache that --regrade reads), `cases.jsonl` (graded cases, one per line: what a resumed
 * run skips) and the reports. Lines are appended as cases finish, so an interrupted run loses at
 * most the cases in flight.
 */
export const runConfigSchema = z.strictObject({
  target: z.string(),
  model: z.string(),
  seed: z.number().int(),
  probes: z.array(z.string()),
  strategies: z.array(z.string()),
  systemPromptHash: z.string(),
});
export type RunConfig = z.infer<typeof runConfigSchema>;

const responseLineSchema = z.strictObject({ hash: z.string(), answer: chatAnswerSchema });
const gradedLineSchema = z.strictObject({
  result: caseResultSchema,
  prompt: z.string(),
  response: z.string(),
  evidence: z.string().optional(),
});

function readLines<Schema extends z.ZodType>(path: string, schema: Schema): z.infer<Schema>[] {
  if (!existsSync(path)) return [];
  const rows: z.infer<Schema>[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) rows.push(parsed.data);
    } catch {
      // a line cut short by an interrupted run: the case runs again
    }
  }
  return rows;
}

export interface RunDirectory {
  readonly path: string;
  readonly responses: Map<string, ChatAnswer>;
  readonly graded: Map<string, GradedCase>;
  saveResponse(hash: string, answer: ChatAnswer): void;
  saveGraded(graded: GradedCase): void;
  /** forget the graded cases (re-grading keeps the responses) */
  resetGraded(): void;
  writeFile(name: string, text: string): void;
}

/** Opens (or creates) a run directory; a directory of a different run is a usage error. */
export function openRunDirectory(path: string, config: RunConfig): RunDirectory {
  mkdirSync(path, { recursive: true });
  const configPath = join(path, "run-config.json");
  if (existsSync(configPath)) {
    const existing = runConfigSchema.safeParse(JSON.parse(readFileSync(configPath, "utf8")));
    if (existing.success && JSON.stringify(existing.data) !== JSON.stringify(config)) {
      throw new RampartError(
        "usage",
        `${path} holds a different run (target, model, seed, probes or strategies differ); choose another --out`,
      );
    }
  }
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const responsesPath = join(path, "responses.jsonl");
  const casesPath = join(path, "cases.jsonl");
  const responses = new Map<string, ChatAnswer>(
    readLines(responsesPath, responseLineSchema).map((line) => [line.hash, line.answer]),
  );
  const graded = new Map<string, GradedCase>(
    readLines(casesPath, gradedLineSchema).map((line) => [line.result.id, line]),
  );
  return {
    path,
    responses,
    graded,
    saveResponse(hash, answer) {
      if (responses.has(hash)) return;
      responses.set(hash, answer);
      appendFileSync(responsesPath, `${JSON.stringify({ hash, answer })}\n`);
    },
    saveGraded(entry) {
      graded.set(entry.result.id, entry);
      appendFileSync(casesPath, `${JSON.stringify(entry)}\n`);
    },
    resetGraded() {
      graded.clear();
      writeFileSync(casesPath, "");
    },
    writeFile(name, text) {
      writeFileSync(join(path, name), text);
    },
  };
}
