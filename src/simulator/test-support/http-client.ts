import { z } from "zod";
import { readSseEvents, type SseEvent } from "./sse.js";

/** Small fetch helpers for tests that talk to the simulator (or to a gateway in front of it). */

export interface JsonAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const raw: unknown = JSON.parse(await response.text());
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: raw };
}

export interface StreamAnswer {
  status: number;
  contentType: string;
  events: SseEvent[];
}

export async function postStream(url: string, body: unknown): Promise<StreamAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.body) throw new Error("the stream answer has no body");
  const events = await readSseEvents(response.body);
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", events };
}

/** The OpenAI error shape, for asserting on error answers. */
export const openAiErrorSchema = z.strictObject({
  error: z.strictObject({
    message: z.string().min(1),
    type: z.string().min(1),
    code: z.string().nullable(),
    param: z.string().nullable(),
  }),
});
