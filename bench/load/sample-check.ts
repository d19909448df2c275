import { chatRequestBody } from "./prompts.js";
import { BENCH_MODEL, type BenchEnvironment } from "./rampart-setup.js";

/**
 * Before measuring: one JSON and one streamed answer through Rampart must be 200 with
 * x-rampart-verdict, so the benchmark measures the allow path and not an error path.
 */

export interface SampleAnswer {
  stream: boolean;
  status: number;
  verdict: string;
  overheadMs: string;
  bytes: number;
}

export async function checkSampleAnswers(environment: BenchEnvironment): Promise<SampleAnswer[]> {
  const answers: SampleAnswer[] = [];
  for (const stream of [false, true]) {
    const response = await fetch(`${environment.gatewayOrigin}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${environment.gatewayKey}` },
      body: chatRequestBody(1, BENCH_MODEL, stream),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    const verdict = response.headers.get("x-rampart-verdict");
    if (response.status !== 200 || verdict === null) {
      throw new Error(
        `a sample ${stream ? "stream" : "JSON"} answer through Rampart was ${response.status} ` +
          `(verdict ${verdict ?? "missing"}): ${text.slice(0, 300)}`,
      );
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
  return answers;
}
