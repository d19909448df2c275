import { z } from "zod";
import { chatRequestBody } from "./prompts.js";
import { BENCH_MODEL, type BenchEnvironment } from "./rampart-setup.js";

/**
 * Before measuring: a few warm-up requests (the first scans after start compile code and may pass
 * the policy's scan budget), then one JSON and one streamed answer through Rampart must be 200 with
 * x-rampart-verdict, so the benchmark measures the allow path and not an error path.
 */

export interface SampleAnswer {
  stream: boolean;
  status: number;
  verdict: string;
  overheadMs: string;
  bytes: number;
}

export interface SampleCheck {
  answers: SampleAnswer[];
  /** characters of the reply to the JSON sample */
  replyChars: number;
  /** statuses of the warm-up requests, in order, run together: "200 x18, 503 x2" */
  warmup: string;
}

const chatAnswerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

/** Warm-up requests per answer kind, sent one after another. */
const WARMUP_REQUESTS = 20;

async function send(environment: BenchEnvironment, index: number, stream: boolean) {
  const response = await fetch(`${environment.gatewayOrigin}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${environment.gatewayKey}` },
    body: chatRequestBody(index, BENCH_MODEL, stream),
    signal: AbortSignal.timeout(15_000),
  });
  return { response, text: await response.text() };
}

function runLengths(statuses: readonly number[]): string {
  const runs: string[] = [];
  for (let index = 0; index < statuses.length; ) {
    let end = index;
    while (end < statuses.length && statuses[end] === statuses[index]) end += 1;
    runs.push(`${statuses[index]} x${end - index}`);
    index = end;
  }
  return runs.join(", ");
}

export async function checkSampleAnswers(environment: BenchEnvironment): Promise<SampleCheck> {
  const statuses: number[] = [];
  for (let index = 0; index < WARMUP_REQUESTS * 2; index += 1) {
    const { response } = await send(environment, 20_000_000 + index, index % 2 === 1);
    statuses.push(response.status);
  }
  const answers: SampleAnswer[] = [];
  let replyChars = 0;
  for (const stream of [false, true]) {
    const { response, text } = await send(environment, 1, stream);
    const verdict = response.headers.get("x-rampart-verdict");
    if (response.status !== 200 || verdict === null) {
      throw new Error(
        `a sample ${stream ? "stream" : "JSON"} answer through Rampart was ${response.status} ` +
          `(verdict ${verdict ?? "missing"}): ${text.slice(0, 300)}`,
      );
    }
    if (!stream) {
      replyChars = chatAnswerSchema.parse(JSON.parse(text)).choices[0]?.message.content?.length ?? 0;
    }
    if (stream && !text.trimEnd().endsWith("data: [DONE]")) {
      throw new Error(`a sample stream through Rampart did not end with [DONE]: ${text.slice(-300)}`);
    }
    answers.push({
      stream,
      status: response.status,
      verdict,
      overheadMs: response.headers.get("x-rampart-overhead-ms") ?? "missing",
      bytes: text.length,
    });
  }
  return { answers, replyChars, warmup: runLengths(statuses) };
}
