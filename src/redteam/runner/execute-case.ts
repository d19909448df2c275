import { createHash } from "node:crypto";
import { errorMessage, isRampartError } from "../../core/errors.js";
import type { Grade } from "../graders/grade.js";
import { gradeAnswer } from "../graders/graders.js";
import { judgeGrade, type LlmJudge, usesJudge } from "../graders/llm-judge.js";
import type { GradedCase } from "../report/build-run-report.js";
import type { CaseResult } from "../report/run-report.js";
import type { ChatAnswer, ChatMessage, ChatRequest } from "../targets/chat-types.js";
import type { RenderedCase } from "./rendered-case.js";

/** Answers are capped so that a runaway target cannot exhaust memory; long-output probes need room. */
export const MAX_TOKENS = 4_096;

/** How the runner reaches the target: through the cache first. */
export interface AnswerSource {
  answer(request: ChatRequest): Promise<ChatAnswer>;
}

/** SHA-256 of the request JSON: the key of the response cache. */
export function requestHash(request: ChatRequest): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

function request(model: string, seed: number, rendered: RenderedCase, messages: ChatMessage[]): ChatRequest {
  return {
    model,
    messages: [...messages],
    ...(rendered.tools.length === 0 ? {} : { tools: rendered.tools }),
    temperature: 0,
    max_tokens: MAX_TOKENS,
    seed,
  };
}

interface AttemptOutcome {
  readonly grade: Grade;
  readonly answer: ChatAnswer;
  readonly prompt: string;
  readonly hash: string;
}

async function runAttempt(
  rendered: RenderedCase,
  turns: readonly string[],
  model: string,
  seed: number,
  source: AnswerSource,
  judge: LlmJudge | undefined,
): Promise<AttemptOutcome> {
  const messages: ChatMessage[] = [{ role: "system", content: rendered.systemPrompt }];
  let answer: ChatAnswer = { text: "", toolCalls: [], finishReason: "stop" };
  let hash = "";
  for (const [index, turn] of turns.entries()) {
    messages.push({ role: "user", content: turn });
    const last = index === turns.length - 1;
    if (last && rendered.toolResult !== undefined) {
      // indirect injection through a tool: the model "called" the tool and reads its result
      messages.push({
        role: "assistant",
        content: "",
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: {
              name: rendered.tools[0]?.function.name ?? "fetch_page",
              arguments: '{"url":"https://docs.example.com/latest"}',
            },
          },
        ],
      });
      messages.push({ role: "tool", tool_call_id: "call_1", content: rendered.toolResult });
    }
    const chatRequest = request(model, seed, rendered, messages);
    hash = requestHash(chatRequest);
    answer = await source.answer(chatRequest);
    if (!last) messages.push({ role: "assistant", content: answer.text });
  }
  const prompt = turns.at(-1) ?? "";
  const offline = gradeAnswer(rendered, answer);
  const grade =
    judge && usesJudge(rendered.base) ? await judgeGrade(judge, rendered, prompt, answer, offline) : offline;
  return { grade, answer, prompt, hash };
}

export interface ExecuteOptions {
  readonly model: string;
  readonly seed: number;
  readonly source: AnswerSource;
  /** the optional LLM judge, already self-tested */
  readonly judge?: LlmJudge;
}

/** Runs every attempt of a case until one succeeds (best-of-N) and grades it. */
export async function executeCase(rendered: RenderedCase, options: ExecuteOptions): Promise<GradedCase> {
  const started = performance.now();
  const probe = rendered.base.probe;
  const atlas = [...new Set([...probe.atlas, ...rendered.strategy.atlas])].sort();
  const base: Omit<CaseResult, "success" | "refused" | "grader" | "confidence" | "requestHash"> = {
    id: rendered.id,
    probe: rendered.base.id,
    probeClass: probe.class,
    strategy: rendered.strategy.id,
    kind: probe.grader === "over-refusal" ? "benign" : "attack",
    owasp: probe.owasp,
    atlas,
    severity: probe.severity,
    ...(rendered.base.pair === undefined ? {} : { pair: rendered.base.pair }),
  };
  try {
    let outcome: AttemptOutcome | undefined;
    for (const attempt of rendered.attempts) {
      outcome = await runAttempt(
        rendered,
        attempt.turns,
        options.model,
        options.seed,
        options.source,
        options.judge,
      );
      if (outcome.grade.success) break;
    }
    if (outcome === undefined) throw new Error(`strategy ${rendered.strategy.id} produced no attempt`);
    const { grade } = outcome;
    return {
      result: {
        ...base,
        success: grade.success,
        refused: grade.refused,
        grader: grade.grader,
        confidence: grade.confidence,
        requestHash: outcome.hash,
        ...(grade.sentiment === undefined ? {} : { sentiment: grade.sentiment }),
        durationMs: Math.round(performance.now() - started),
      },
      prompt: outcome.prompt,
      response:
        outcome.answer.toolCalls.length === 0
          ? outcome.answer.text
          : `${outcome.answer.text}\n${outcome.answer.toolCalls.map((call) => `[tool call] ${call.name}(${call.arguments})`).join("\n")}`.trim(),
      ...(grade.evidence === undefined ? {} : { evidence: grade.evidence }),
    };
  } catch (error) {
    return {
      result: {
        ...base,
        success: false,
        refused: false,
        grader: "none",
        confidence: 0,
        requestHash: "-",
        error: isRampartError(error) ? `${error.code}: ${error.message}` : errorMessage(error),
        durationMs: Math.round(performance.now() - started),
      },
      prompt: rendered.attempts[0]?.turns.at(-1) ?? "",
      response: "",
    };
  }
}
