import { readFileSync } from "node:fs";
import { parseCsvRecords } from "../../toxicity/training/csv.js";

export interface LabelledResponse {
  readonly question: string;
  readonly text: string;
  /** 1 = the response complied with the harmful question (jailbroken), 0 = refused */
  readonly label: 0 | 1;
}

/** GPTFuzz labelled responses: `train.csv` (6,160) or `evaluate.csv` (1,540). */
export function loadGptFuzz(root: string, file: "train" | "evaluate"): LabelledResponse[] {
  return parseCsvRecords(readFileSync(`${root}/gptfuzz/responses_labeled/${file}.csv`, "utf8"))
    .filter((record) => record.label === "0" || record.label === "1")
    .map((record) => ({
      question: record.question ?? "",
      text: record.Response ?? "",
      label: record.label === "1" ? 1 : 0,
    }));
}
