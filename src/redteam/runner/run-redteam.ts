import { createHash } from "node:crypto";
import { RampartError } from "../../core/errors.js";
import { pairDiffers } from "../graders/graders.js";
import type { LlmJudge } from "../graders/llm-judge.js";
import { REFUSAL_MODEL_NAME, refusalModel } from "../graders/refusal/refusal-classifier.js";
import { datasetProbePacks } from "../probes/dataset-probes.js";
import { allBaseCases, loadProbePacks, selectBaseCases } from "../probes/load-probes.js";
import { buildRunReport, type GradedCase } from "../report/build-run-report.js";
import type { RunReport } from "../report/run-report.js";
import { resolveStrategies } from "../strategies/index.js";
import type { ChatAnswer, ChatRequest } from "../targets/chat-types.js";
import type { ChatTarget } from "../targets/openai-target.js";
import { type AnswerSource, executeCase, requestHash } from "./execute-case.js";
import { renderCases } from "./render-cases.js";
import { openRunDirectory, type RunDirectory } from "./run-directory.js";

export interface RedteamRunOptions {
  /** where answers come from; not needed when re-grading from the cache */
  readonly target?: ChatTarget;
  /** the target's URL as written in the report */
  readonly targetUrl: string;
  readonly model: string;
  readonly seed?: number;
  /** pack names, probe ids, classes or OWASP ids; empty = all */
  readonly probes?: readonly string[];
  /** strategy ids; empty = the defaults */
  readonly strategies?: readonly string[];
  readonly concurrency?: number;
  readonly systemPrompt?: string;
  /** the run directory (resumable); without it the run is kept in memory */
  readonly directory?: string;
  /** grade again from cached responses, calling the target for none */
  readonly regrade?: boolean;
  readonly probeDirectory?: string;
  /** a local data folder with the HarmBench prompts (see probes/dataset-probes.ts) */
  readonly dataDirectory?: string;
  readonly failOnAsr?: number;
  readonly rampartVersion: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** an optional LLM judge and its self-test agreement (see graders/llm-judge.ts) */
  readonly judge?: { readonly judge: LlmJudge; readonly agreement: number };
  readonly now?: () => Date;
}

export interface RedteamRunResult {
  readonly report: RunReport;
  /** cases answered from the cache (no call to the target) */
  readonly cachedAnswers: number;
  readonly calls: number;
}

function cachedSource(
  directory: RunDirectory | undefined,
  target: ChatTarget | undefined,
  counters: { cached: number; calls: number },
  offline: boolean,
): AnswerSource {
  const memory = new Map<string, ChatAnswer>();
  return {
    async answer(request: ChatRequest) {
      const hash = requestHash(request);
      const cached = directory?.responses.get(hash) ?? memory.get(hash);
      if (cached) {
        counters.cached += 1;
        return cached;
      }
      if (offline || target === undefined)
        throw new RampartError("usage", "answer not in the run's cache (re-grading calls no model)");
      counters.calls += 1;
      const answer = await target.send(request);
      if (directory) directory.saveResponse(hash, answer);
      else memory.set(hash, answer);
      return answer;
    },
  };
}

/** Runs the selected probes under the selected strategies against the target and builds the report. */
export async function runRedteam(options: RedteamRunOptions): Promise<RedteamRunResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const seed = options.seed ?? 1;
  const strategies = resolveStrategies(options.strategies ?? []);
  const selected = selectBaseCases(
    allBaseCases([
      ...loadProbePacks(options.probeDirectory),
      ...(options.dataDirectory === undefined ? [] : datasetProbePacks(options.dataDirectory)),
    ]),
    options.probes ?? [],
  );
  const rendered = renderCases(selected, strategies, {
    seed,
    ...(options.systemPrompt === undefined ? {} : { systemPrompt: options.systemPrompt }),
  });
  const config = {
    target: options.targetUrl,
    model: options.model,
    seed,
    probes: [...(options.probes ?? [])],
    strategies: strategies.map((strategy) => strategy.id),
    systemPromptHash: createHash("sha256")
      .update(options.systemPrompt ?? "")
      .digest("hex")
      .slice(0, 16),
  };
  const directory = options.directory === undefined ? undefined : openRunDirectory(options.directory, config);
  if (options.regrade) directory?.resetGraded();
  const counters = { cached: 0, calls: 0 };
  const source = cachedSource(directory, options.target, counters, options.regrade === true);
  const graded = new Map<string, GradedCase>();
  for (const [id, entry] of directory?.graded ?? [])
    if (entry.result.error === undefined) graded.set(id, entry);
  const pending = rendered.filter((entry) => !graded.has(entry.id));
  let done = rendered.length - pending.length;
  options.onProgress?.(done, rendered.length);
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const entry = pending[next];
      next += 1;
      if (entry === undefined) break;
      const outcome = await executeCase(entry, {
        model: options.model,
        seed,
        source,
        ...(options.judge === undefined ? {} : { judge: options.judge.judge }),
      });
      graded.set(entry.id, outcome);
      directory?.saveGraded(outcome);
      done += 1;
      options.onProgress?.(done, rendered.length);
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, 256));
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cases = decidePairs(
    rendered.map((entry) => graded.get(entry.id)).filter((entry) => entry !== undefined),
  );
  const meta = refusalModel().meta;
  const accuracy = Number(meta.training.evaluateAccuracy ?? 0);
  const report = buildRunReport({
    run: {
      id: `rt-${createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 12)}`,
      target: options.targetUrl,
      model: options.model,
      seed,
      started: started.toISOString(),
      finished: now().toISOString(),
      rampartVersion: options.rampartVersion,
      probes: [...new Set(selected.map((entry) => entry.probe.id))],
      strategies: strategies.map((strategy) => strategy.id),
    },
    cases,
    graders: {
      refusalClassifier: {
        name: REFUSAL_MODEL_NAME,
        accuracy,
        evaluatedOn: "GPTFuzz responses_labeled/evaluate.csv (held out)",
      },
      ...(options.judge === undefined
        ? {}
        : { judge: { model: options.judge.judge.model, agreement: options.judge.agreement } }),
    },
  });
  if (options.failOnAsr !== undefined) {
    report.run.failOnAsr = options.failOnAsr;
    report.run.gatePassed = report.summary.asr <= options.failOnAsr;
  }
  return { report, cachedAnswers: counters.cached, calls: counters.calls };
}

/** Bias pairs: both members succeed when their refusal or sentiment differs. */
function decidePairs(cases: GradedCase[]): GradedCase[] {
  const byPair = new Map<string, GradedCase[]>();
  for (const entry of cases) {
    const key = entry.result.pair === undefined ? undefined : `${entry.result.pair}~${entry.result.strategy}`;
    if (key === undefined || entry.result.error !== undefined) continue;
    byPair.set(key, [...(byPair.get(key) ?? []), entry]);
  }
  const decided = new Map<string, GradedCase>();
  for (const members of byPair.values()) {
    const [first, second] = members;
    if (first === undefined || second === undefined) continue;
    const { differs, evidence } = pairDiffers(first.result, second.result);
    for (const member of [first, second]) {
      decided.set(member.result.id, {
        ...member,
        result: { ...member.result, success: differs },
        ...(differs ? { evidence } : {}),
      });
    }
  }
  return cases.map((entry) => decided.get(entry.result.id) ?? entry);
}
