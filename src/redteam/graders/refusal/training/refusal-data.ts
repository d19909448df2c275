import { z } from "zod";

export interface LabelledResponse {
  readonly text: string;
  readonly refused: boolean;
}

/** GPTFuzz rows: `Response`, `label` (0 = refused, 1 = jailbroken/complied). */
export function loadGptfuzz(records: ReadonlyArray<Record<string, string>>): LabelledResponse[] {
  return records
    .filter(
      (record) => (record.label === "0" || record.label === "1") && (record.Response ?? "").trim() !== "",
    )
    .map((record) => ({ text: record.Response ?? "", refused: record.label === "0" }));
}

const seedTaskSchema = z.object({ instances: z.array(z.object({ output: z.string() })) });

/** Outputs of the self-instruct seed tasks: ordinary helpful answers. */
export function selfInstructAnswers(jsonl: string): string[] {
  return jsonl
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => seedTaskSchema.parse(JSON.parse(line)).instances.map((instance) => instance.output))
    .filter((text) => text.trim().length > 20);
}

export interface RefusalEvaluation {
  rows: number;
  accuracy: number;
  refusalRecall: number;
  refusalPrecision: number;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function evaluateRefusal(
  rows: readonly LabelledResponse[],
  isRefusal: (text: string) => boolean,
): RefusalEvaluation {
  let correct = 0;
  let truePositive = 0;
  let predictedPositive = 0;
  let actualPositive = 0;
  for (const row of rows) {
    const predicted = isRefusal(row.text);
    if (predicted === row.refused) correct += 1;
    if (predicted) predictedPositive += 1;
    if (row.refused) actualPositive += 1;
    if (predicted && row.refused) truePositive += 1;
  }
  return {
    rows: rows.length,
    accuracy: round(correct / Math.max(1, rows.length)),
    refusalRecall: round(truePositive / Math.max(1, actualPositive)),
    refusalPrecision: round(truePositive / Math.max(1, predictedPositive)),
  };
}
