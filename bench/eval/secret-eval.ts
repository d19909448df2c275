/**
 * Secret evaluation: recall on generated real-format credentials (one per catalogue format, several
 * seeds), false-positive rate on placeholders, hashes, UUIDs, commit ids and documented example keys,
 * cross-source recall and FPR on the secretlint fixtures and gitleaks rule samples, hits on benign
 * prompts, and latency per KB. Run: `tsx bench/eval/secret-eval.ts`. Writes the `secret-eval`
 * section of docs/benchmarks.md.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { DetectorInstance } from "../../src/detect/detector.js";
import { piiDetector } from "../../src/detect/detectors/pii/index.js";
import { secretCatalogue, secretDetector } from "../../src/detect/detectors/secret/index.js";
import { catalogueSamples, randomBody } from "../../src/detect/detectors/secret/test-tokens.js";
import { createScanContext } from "../../src/detect/scan-context.js";
import { markdownTable, updateBenchmarksSection } from "../lib/benchmarks-doc.js";
import { wilson } from "./metrics.js";
import { measureLatency, REPEATS } from "./pii-spans/latency.js";

const DATA = "/work/shared/data";
const VARIANTS = 5;
/** Builds shell-style placeholders (`${NAME}`) without template-literal look-alikes in the source. */
const DOLLAR = "$";

const secretlintSchema = z.object({
  rule: z.string(),
  label: z.string(),
  has_rule_options: z.boolean(),
  text: z.string(),
});
const gitleaksSchema = z.object({ rule_id: z.string(), label: z.string(), text: z.string() });
const promptSchema = z.object({ text: z.string(), label: z.string() });

function jsonLines<Row>(file: string, schema: z.ZodType<Row>): Row[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => schema.parse(JSON.parse(line)));
}

const instance: DetectorInstance = secretDetector.create(secretDetector.optionsSchema.parse({}));

function rulesFound(text: string): string[] {
  return instance
    .detect(text, createScanContext(text, { direction: "input" }))
    .map((finding) => finding.rule);
}

function rate(hits: number, total: number): string {
  const interval = wilson(hits, total);
  return `${hits}/${total} = ${(hits / total).toFixed(3)} [${interval.low.toFixed(3)}, ${interval.high.toFixed(3)}]`;
}

/** Placeholders, hashes, UUIDs, commit ids and documented example keys: none is a credential. */
export function negativeSet(): string[] {
  const hex = (algorithm: string, seed: number) =>
    createHash(algorithm).update(`rampart-${seed}`).digest("hex");
  const prefixes = [
    "ghp_",
    "sk_live_",
    "xoxb-",
    "AKIA",
    "glpat-",
    "npm_",
    "hf_",
    "sk-ant-api03-",
    "AIza",
    "SG.",
    "github_pat_",
    "sk-proj-",
    "dop_v1_",
    "shpat_",
    "lin_api_",
  ];
  const bodies = [
    "x".repeat(36),
    "X".repeat(36),
    "<your-token>",
    `${DOLLAR}{TOKEN}`,
    "{{ token }}",
    "YOUR_TOKEN_HERE",
    "*".repeat(24),
    "0".repeat(36),
    "1234567890abcdefghijklmnopqrstuvwxyz",
    "EXAMPLEKEYEXAMPLEKEYEXAMPLEKEY123456",
    "...",
  ];
  const values = [
    "changeme",
    "your_api_key_here",
    "dummy",
    "example",
    "xxx",
    "****",
    `${DOLLAR}{API_KEY}`,
    "<your-key>",
    "null",
    "TODO",
    "replace-me",
    "placeholder",
    "secret",
    "password",
    "sample-token",
    "<REDACTED>",
    "%API_KEY%",
    `${DOLLAR}{{ secrets.API_KEY }}`,
    "process.env.API_KEY",
    "os.environ['API_KEY']",
  ];
  const keys = [
    "api_key",
    "password",
    "secret",
    "token",
    "client_secret",
    "AWS_SECRET_ACCESS_KEY",
    "auth_token",
    "access_key",
  ];
  const texts: string[] = [];
  for (const prefix of prefixes) for (const body of bodies) texts.push(`token: ${prefix}${body}`);
  for (const key of keys) for (const value of values) texts.push(`${key} = "${value}"`);
  for (let seed = 0; seed < 20; seed++) {
    texts.push(`api_key = ${hex("md5", seed)}`);
    texts.push(`secret: ${hex("sha1", seed)}`);
    texts.push(`token = "${hex("sha256", seed)}"`);
    texts.push(`commit ${hex("sha1", seed + 100)} fixed the build`);
    texts.push(`password_hash: ${hex("sha256", seed + 200)}`);
    texts.push(`client_secret = ${uuidFrom(hex("md5", seed + 300))}`);
    texts.push(`request id ${uuidFrom(hex("md5", seed + 400))} failed`);
  }
  texts.push(
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  );
  texts.push("AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");
  texts.push(`Use pk_live_ keys in browsers: pk_live_${randomBody(24, 9000)}`);
  texts.push("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----");
  texts.push(
    "postgres://user:password@localhost:5432/app",
    `mongodb://admin:${DOLLAR}{MONGO_PASSWORD}@db:27017`,
  );
  return texts;
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function generatedSection(): string {
  let found = 0;
  let total = 0;
  const missedFormats = new Set<string>();
  for (let variant = 1; variant <= VARIANTS; variant++) {
    for (const [id, text] of Object.entries(catalogueSamples(variant))) {
      total++;
      if (rulesFound(text).includes(id)) found++;
      else missedFormats.add(id);
    }
  }
  const negatives = negativeSet();
  const flagged = negatives.filter((text) => rulesFound(text).length > 0);
  return [
    "### Generated credentials and look-alikes",
    "",
    markdownTable(
      ["set", "result"],
      [
        [
          `real-format credentials: ${secretCatalogue.length} formats × ${VARIANTS} seeds, recall`,
          rate(found, total),
        ],
        [
          "placeholders, hashes, UUIDs, commit ids, example keys: false-positive rate",
          rate(flagged.length, negatives.length),
        ],
      ],
    ),
    "",
    `Missed formats: ${[...missedFormats].join(", ") || "none"}. Generated by src/detect/detectors/secret/test-tokens.ts (random bodies from a seed, so the figures check the catalogue patterns, not their fit to real traffic).`,
  ].join("\n");
}

function secretlintSection(): string {
  const rows = jsonLines(`${DATA}/secretlint-fixtures/secretlint_fixtures.jsonl`, secretlintSchema).filter(
    (row) => !row.has_rule_options,
  );
  const perRule = new Map<string, { positives: number; found: number; clean: number; flagged: number }>();
  for (const row of rows) {
    const entry = perRule.get(row.rule) ?? { positives: 0, found: 0, clean: 0, flagged: 0 };
    const hit = rulesFound(row.text).length > 0;
    if (row.label === "secret") {
      entry.positives++;
      if (hit) entry.found++;
    } else {
      entry.clean++;
      if (hit) entry.flagged++;
    }
    perRule.set(row.rule, entry);
  }
  const totals = [...perRule.values()].reduce(
    (sum, entry) => ({
      positives: sum.positives + entry.positives,
      found: sum.found + entry.found,
      clean: sum.clean + entry.clean,
      flagged: sum.flagged + entry.flagged,
    }),
    { positives: 0, found: 0, clean: 0, flagged: 0 },
  );
  const missed = [...perRule.entries()]
    .filter(([, entry]) => entry.found < entry.positives)
    .map(([rule, entry]) => `${rule} ${entry.found}/${entry.positives}`);
  const noisy = [...perRule.entries()]
    .filter(([, entry]) => entry.flagged > 0)
    .map(([rule, entry]) => `${rule} ${entry.flagged}/${entry.clean}`);
  return [
    `### secretlint rule fixtures (cross-source; ${rows.length} inputs, rows whose result depends on a rule option left out)`,
    "",
    markdownTable(
      ["measure", "result"],
      [
        ["recall on `secret` inputs", rate(totals.found, totals.positives)],
        ["inputs flagged among `clean` inputs", rate(totals.flagged, totals.clean)],
      ],
    ),
    "",
    `Rules with misses: ${missed.join(", ")}. Most misses are fixtures whose values are placeholder-shaped on purpose (AAAA…, EXAMPLE, abcdef…, xxxx), which Rampart's allowlist drops, or checks that are not credentials (home directories, AWS account ids, Azure tenant and client UUIDs, secp256k1 hex keys).`,
    `Rules with clean inputs flagged: ${noisy.join(", ") || "none"}.`,
  ].join("\n");
}

function gitleaksSection(): string {
  const rows = jsonLines(`${DATA}/gitleaks/gitleaks_rule_samples.jsonl`, gitleaksSchema).filter(
    (row) => row.text.trim().length >= 8,
  );
  const positives = rows.filter((row) => row.label === "secret");
  const negatives = rows.filter((row) => row.label !== "secret");
  const found = positives.filter((row) => rulesFound(row.text).length > 0);
  const flagged = negatives.filter((row) => rulesFound(row.text).length > 0);
  const byRule = new Map<string, number>();
  for (const row of flagged) byRule.set(row.rule_id, (byRule.get(row.rule_id) ?? 0) + 1);
  return [
    `### gitleaks rule samples (cross-source; ${rows.length} samples of at least 8 characters)`,
    "",
    markdownTable(
      ["measure", "result"],
      [
        ["recall on true-positive samples", rate(found.length, positives.length)],
        ["hits on false-positive samples", rate(flagged.length, negatives.length)],
      ],
    ),
    "",
    `The false-positive samples are negatives for one gitleaks rule each; many are real-format values that gitleaks drops for its own reasons (known public Firebase keys, a missing keyword nearby). Hits by gitleaks rule: ${[...byRule.entries()].map(([rule, count]) => `${rule} ${count}`).join(", ") || "none"}.`,
  ].join("\n");
}

function benignSection(): { markdown: string; texts: string[] } {
  const rows = jsonLines(`${DATA}/normalized/prompt_attacks.jsonl`, promptSchema);
  const benign = rows.filter((row) => row.label === "benign");
  const hits = new Map<string, number>();
  let flagged = 0;
  for (const row of benign) {
    const rules = rulesFound(row.text);
    if (rules.length > 0) flagged++;
    for (const rule of rules) hits.set(rule, (hits.get(rule) ?? 0) + 1);
  }
  const markdown = [
    "### Benign prompts",
    "",
    markdownTable(
      ["measure", "result"],
      [[`benign prompts with a secret finding (${benign.length} prompts)`, rate(flagged, benign.length)]],
    ),
    "",
    `Findings by rule: ${[...hits.entries()].map(([rule, count]) => `${rule} ${count}`).join(", ") || "none"}.`,
  ].join("\n");
  return { markdown, texts: rows.map((row) => row.text) };
}

function latencySection(texts: readonly string[]): string {
  const pii = piiDetector.create(piiDetector.optionsSchema.parse({}));
  const alone = measureLatency([instance], texts);
  const together = measureLatency([pii, instance], texts);
  const row = (label: string, report: typeof alone) => [
    label,
    report.texts,
    report.p50.toFixed(3),
    report.p99.toFixed(3),
    report.cpuPerKilobyte.toFixed(3),
    report.loadAverage.toFixed(1),
  ];
  return [
    "### Latency",
    "",
    markdownTable(
      ["detectors", "texts (≥256 chars)", "p50 ms/KB", "p99 ms/KB", "CPU ms/KB (all runs)", "load average"],
      [row("secret", alone), row("pii + secret", together)],
    ),
    "",
    `Every prompt of at least 256 characters in the normalised prompt corpus; fastest of ${REPEATS} runs per text (the machine is shared, see the load average).`,
  ].join("\n");
}

function main(): void {
  const benign = benignSection();
  const markdown = [
    "## Secret detector (`secret`)",
    "",
    "Written by `tsx bench/eval/secret-eval.ts`. Targets: recall ≥ 0.95 on real-format credentials; FPR ≤ 0.02 on placeholders, hashes, UUIDs and example keys; about zero hits on benign prompts. Intervals are 95% Wilson intervals.",
    "",
    generatedSection(),
    "",
    secretlintSection(),
    "",
    gitleaksSection(),
    "",
    benign.markdown,
    "",
    latencySection(benign.texts),
  ].join("\n");
  process.stdout.write(`${markdown}\n`);
  updateBenchmarksSection("secret-eval", markdown);
}

if (process.argv[1]?.endsWith("secret-eval.ts")) main();
