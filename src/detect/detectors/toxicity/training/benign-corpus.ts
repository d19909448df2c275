import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseCsvRecords } from "./csv.js";

const selfInstructSchema = z.object({
  instruction: z.string(),
  instances: z.array(z.object({ input: z.string(), output: z.string() })),
});
const bipiaSchema = z.object({ context: z.union([z.string(), z.array(z.string())]) });

export interface BenignText {
  readonly source: string;
  readonly text: string;
  /** true for answers (self-instruct outputs), false for prompts and documents */
  readonly answer: boolean;
}

function jsonLines(file: string): unknown[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * Benign everyday text from the shared data, used as negatives in training: self-instruct
 * instructions and answers, awesome-chatgpt-prompts role prompts (rows flagged for review are
 * skipped: some are jailbreaks), BIPIA clean email and code contexts.
 */
export function loadBenignCorpus(root: string): BenignText[] {
  const texts: BenignText[] = [];
  for (const file of [
    "self-instruct/data/seed_tasks.jsonl",
    "self-instruct/human_eval/user_oriented_instructions.jsonl",
  ]) {
    for (const value of jsonLines(`${root}/${file}`)) {
      const parsed = selfInstructSchema.safeParse(value);
      if (!parsed.success) continue;
      texts.push({ source: "self-instruct", text: parsed.data.instruction, answer: false });
      for (const instance of parsed.data.instances) {
        if (instance.output.trim().length > 0)
          texts.push({ source: "self-instruct", text: instance.output, answer: true });
      }
    }
  }
  for (const record of parseCsvRecords(readFileSync(`${root}/awesome-chatgpt-prompts/prompts.csv`, "utf8"))) {
    const prompt = record.prompt ?? "";
    if (/\b(?:DAN|jailbreak|unfiltered|uncensored|no restrictions|bypass)\b/i.test(prompt)) continue;
    texts.push({ source: "awesome-chatgpt-prompts", text: prompt, answer: false });
  }
  for (const file of ["bipia/email/train.jsonl", "bipia/code/train.jsonl"]) {
    for (const value of jsonLines(`${root}/${file}`)) {
      const parsed = bipiaSchema.safeParse(value);
      if (!parsed.success) continue;
      const context = Array.isArray(parsed.data.context)
        ? parsed.data.context.join("\n")
        : parsed.data.context;
      texts.push({ source: "bipia", text: context, answer: false });
    }
  }
  return texts;
}
