/**
 * How often normalisation recovers an obfuscated attack phrase: each attack phrase from the
 * shared data is disguised ten ways, embedded in a benign sentence, and counted as recovered when
 * one view holds the whole phrase (letters only, case-insensitive, l and i not told apart).
 * Also counts how many benign prompts get a folded or decoded view (extra work, never a finding).
 * Run: `npx tsx bench/normalize-recovery.ts [--write]`. Needs ../shared/data (the repo's sibling).
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { rot13 } from "../src/detect/normalize/decode-rot13.js";
import { normalize } from "../src/detect/normalize/index.js";
import { markdownTable, updateBenchmarksSection } from "./lib/benchmarks-doc.js";

const DATA = new URL("../../shared/data/normalized/prompt_attacks.jsonl", import.meta.url);
if (!existsSync(DATA)) {
  process.stderr.write(
    `normalize-recovery: ${DATA.pathname} is absent; this benchmark needs ../shared/data\n`,
  );
  process.exit(2);
}
const rowSchema = z.object({ text: z.string(), label: z.string() });
const rows = readFileSync(DATA, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => rowSchema.parse(JSON.parse(line)));

/** The longest run of plain words in a text, at most 60 characters: the phrase to disguise. */
function phraseOf(text: string): string | undefined {
  const runs = text.replace(/\s+/g, " ").match(/[A-Za-z ,.']{30,}/g) ?? [];
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  return longest?.trim().slice(0, 60);
}

const HOMOGLYPH: Readonly<Record<string, string>> = {
  a: "а",
  e: "е",
  o: "о",
  p: "р",
  c: "с",
  i: "і",
  x: "х",
  y: "у",
};
const LEET: Readonly<Record<string, string>> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };
const DISGUISES: Readonly<Record<string, (phrase: string) => string>> = {
  base64: (phrase) => Buffer.from(phrase).toString("base64"),
  hex: (phrase) => Buffer.from(phrase).toString("hex"),
  "url encoding": (phrase) => encodeURIComponent(phrase),
  rot13,
  "tag characters": (phrase) =>
    Array.from(phrase, (c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0))).join(""),
  "zero-width between letters": (phrase) => Array.from(phrase).join("\u200b"),
  homoglyphs: (phrase) => phrase.replace(/[aeopcixy]/g, (c) => HOMOGLYPH[c] ?? c),
  leetspeak: (phrase) => phrase.replace(/[aeiost]/g, (c) => LEET[c] ?? c),
  "spaced letters": (phrase) =>
    phrase
      .split(" ")
      .map((word) => Array.from(word).join(" "))
      .join("   "),
  fullwidth: (phrase) => phrase.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
};

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replaceAll("l", "i");
const phrases = rows
  .filter((row) => row.label === "injection" || row.label === "jailbreak")
  .map((row) => phraseOf(row.text))
  .filter((phrase): phrase is string => phrase !== undefined && phrase.length >= 30);
const table: (string | number)[][] = [];
for (const [name, disguise] of Object.entries(DISGUISES)) {
  let recovered = 0;
  for (const phrase of phrases) {
    const target = squash(phrase);
    const views = normalize(`Please help me with this: ${disguise(phrase)} Thanks.`).views;
    if (views.some((view) => squash(view.text).includes(target))) recovered++;
  }
  table.push([name, phrases.length, recovered, `${((100 * recovered) / phrases.length).toFixed(1)}%`]);
}
const benign = rows.filter((row) => row.label === "benign");
let folded = 0;
let decoded = 0;
for (const row of benign) {
  const views = normalize(row.text).views;
  if (views.some((view) => view.via === "folded")) folded++;
  if (views.some((view) => view.kind === "decoded")) decoded++;
}
const markdown = [
  markdownTable(["disguise", "phrases", "recovered", "rate"], table),
  "",
  `Benign prompts (${benign.length}): ${folded} get a folded view, ${decoded} a decoded view.`,
].join("\n");
process.stdout.write(`${markdown}\n`);
if (process.argv.includes("--write")) {
  updateBenchmarksSection(
    "normalize-recovery",
    "## Normalisation: recovery of disguised attack phrases\n\n`npx tsx bench/normalize-recovery.ts --write`: " +
      "attack phrases (injection and jailbreak rows of `../shared/data/normalized/prompt_attacks.jsonl`, the " +
      "longest plain run of 30-60 characters) disguised ten ways inside a benign sentence; recovered when one " +
      "view holds the whole phrase. This measures the normaliser only, not a detector.\n\n" +
      markdown,
  );
}
