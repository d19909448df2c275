import { errorTypeForStatus, type OpenAiErrorAnswer, openAiErrorBody } from "./openai-errors.js";

/**
 * What the simulator core answers, before any transport: a JSON body, or the frames of an SSE
 * stream. The HTTP handler and the in-process fetch both send these, adding the configured latency.
 */
export type SimulatorResponse =
  | { readonly kind: "json"; readonly status: number; readonly body: string }
  | { readonly kind: "stream"; readonly status: 200; readonly frames: readonly string[] };

/** The last frame of every stream. */
export const DONE_FRAME = "data: [DONE]\n\n";

/** One SSE event carrying a JSON chunk. */
export function sseFrame(chunk: unknown): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export function jsonResponse(body: unknown, status = 200): SimulatorResponse {
  return { kind: "json", status, body: JSON.stringify(body) };
}

export function errorResponse(error: OpenAiErrorAnswer): SimulatorResponse {
  return { kind: "json", status: error.status, body: openAiErrorBody(error) };
}

/** The answer of an error hook model (`rampart-demo-error-<status>`). */
export function simulatedErrorResponse(status: number): SimulatorResponse {
  return errorResponse({
    status,
    type: errorTypeForStatus(status),
    code: "simulated_error",
    message: `simulated upstream error ${status}`,
  });
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function usageOf(promptTokens: number, completionTokens: number): Usage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** Interleaves per-choice chunk lists round-robin, as a model streaming several choices does. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const result: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let step = 0; step < longest; step += 1) {
    for (const list of lists) {
      const item = list[step];
      if (item !== undefined) result.push(item);
    }
  }
  return result;
}

/**
 * Frames stream chunks that share a head (id, object, created, model, ...) by string
 * concatenation: the head is serialised once per answer, not once per chunk. The frame is
 * `data: {...head, "choices": [<choice>], "usage": null}` (usage only when it was asked for).
 */
export function chunkFramer(
  head: Readonly<Record<string, unknown>>,
  includeUsage: boolean,
): (choiceJson: string) => string {
  const prefix = `data: ${JSON.stringify(head).slice(0, -1)},"choices":[`;
  const suffix = includeUsage ? '],"usage":null}\n\n' : "]}\n\n";
  return (choiceJson) => prefix + choiceJson + suffix;
}
