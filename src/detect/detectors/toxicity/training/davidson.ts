import { readFileSync } from "node:fs";
import { fnv1a } from "../model/hashed-features.js";
import { parseCsvRecords } from "./csv.js";

export const DATA_ROOT = process.env.RAMPART_DATA ?? "/work/shared/data";
export const DAVIDSON_CLASSES = ["neither", "offensive", "hate"] as const;
export type DavidsonClass = (typeof DAVIDSON_CLASSES)[number];

export interface DavidsonRow {
  readonly id: string;
  readonly text: string;
  readonly label: DavidsonClass;
  readonly split: "train" | "validation" | "test";
}

/** Twitter markup that carries no meaning for the model: mentions, URLs, HTML entities, "RT". */
export const TWEET_NOISE = /@[\w]{1,30}|https?:\/\/\S{1,200}|&amp;|&lt;|&gt;|&#\d{1,6};|\bRT\b/g;

/** Deterministic split by a hash of the row id: 70% train, 10% validation, 20% test. */
export function splitOf(id: string): DavidsonRow["split"] {
  const bucket = fnv1a(`davidson:${id}`) % 100;
  if (bucket < 70) return "train";
  if (bucket < 80) return "validation";
  return "test";
}

export function loadDavidson(root: string = DATA_ROOT): DavidsonRow[] {
  const records = parseCsvRecords(readFileSync(`${root}/davidson-hate-offensive/labeled_data.csv`, "utf8"));
  const rows: DavidsonRow[] = [];
  for (const record of records) {
    const id = record[""] ?? "";
    const label = { "0": "hate", "1": "offensive", "2": "neither" }[record.class ?? ""] as
      | DavidsonClass
      | undefined;
    if (label === undefined) continue;
    rows.push({
      id,
      text: (record.tweet ?? "").replace(TWEET_NOISE, " ").replace(/\s+/g, " ").trim(),
      label,
      split: splitOf(id),
    });
  }
  return rows;
}
