import { markdownTable } from "../lib/benchmarks-doc.js";
import { type InjectionEvalResult, RAMPART, scoredFor } from "./injection-eval.js";
import { formatMetric, summarise } from "./metrics.js";

const TABLE_TITLES: Readonly<Record<string, string>> = {
  loso: "Leave-one-source-out (shared data; each fold scored by a model trained without it)",
  shipped: "Shipped model on sets it was not trained on",
  languages: "Non-English (synthetic: held-out templates, different seed)",
  obfuscated: "Obfuscated attacks and obfuscated benign texts (through the normaliser's views)",
};

function metricsTable(result: InjectionEvalResult, table: string): string {
  const rows = result.sets
    .filter((set) => set.table === table)
    .map((set) => {
      const metrics = summarise(scoredFor(result, RAMPART, set));
      return [
        set.name + (set.note ? ` (${set.note})` : ""),
        metrics.positives,
        metrics.negatives,
        formatMetric(metrics.precision),
        formatMetric(metrics.recall, metrics.recallInterval),
        formatMetric(metrics.f1, metrics.f1Interval),
        formatMetric(metrics.fpr, metrics.fprInterval),
        formatMetric(metrics.tprAtFpr1),
        formatMetric(metrics.auc, metrics.aucInterval),
      ];
    });
  const header = [
    "set",
    "n+",
    "n-",
    "precision",
    "recall (95% CI)",
    "F1 (95% CI)",
    "FPR (95% CI)",
    "TPR@1%FPR",
    "ROC-AUC (95% CI)",
  ];
  return `### ${TABLE_TITLES[table] ?? table}\n\n${markdownTable(header, rows)}`;
}

/** Side by side at each system's own operating point; subsets are left out for brevity. */
function comparisonTable(result: InjectionEvalResult): string {
  const rows = result.sets
    .filter((set) => !set.name.includes(" / "))
    .map((set) => [
      `${set.table}: ${set.name}`,
      ...result.systems.map((system) => {
        const metrics = summarise(scoredFor(result, system, set), false);
        return `${formatMetric(metrics.f1, undefined, 2)} / ${formatMetric(metrics.recall, undefined, 2)} / ${formatMetric(metrics.fpr, undefined, 3)}`;
      }),
    ]);
  const header = ["set", ...result.systems.map((system) => `${system} F1 / recall / FPR`)];
  return `### Comparison on the same sets\n\n${markdownTable(header, rows)}`;
}

export function renderInjectionReport(
  result: InjectionEvalResult,
  seconds: number,
  modelVersion: string,
): string {
  const folds = markdownTable(
    ["left-out fold", "rows", "thresholds low / medium / high", "seconds"],
    result.folds.map((fold) => [fold.fold, fold.rows, fold.thresholds, fold.seconds.toFixed(1)]),
  );
  return [
    "## Prompt-injection evaluation",
    "",
    `Command: \`npm run eval\` (bench/eval/run.ts). Model ${modelVersion}; ${result.machine}; ` +
      `${seconds.toFixed(0)} s in all. Decisions at the medium sensitivity threshold of each model. ` +
      "Intervals: Wilson for recall and FPR, bootstrap (200 resamples) for F1 and ROC-AUC. `–` means undefined " +
      "(no positives or no negatives). Positives are `injection` and `jailbreak` rows; `harmful` rows (plain harmful " +
      "requests) count as negatives and are reported on their own. The non-English and obfuscated sets are synthetic " +
      "(our own templates, held out from training); treat them as indicative, not as independent benchmarks.",
    "",
    metricsTable(result, "loso"),
    "",
    metricsTable(result, "shipped"),
    "",
    metricsTable(result, "languages"),
    "",
    metricsTable(result, "obfuscated"),
    "",
    comparisonTable(result),
    "",
    "### Folds",
    "",
    folds,
  ].join("\n");
}
