import { describe, expect, it } from "vitest";
import { createSimulatorFetch } from "./fetch-handler.js";
import { startSimulator } from "./start-simulator.js";
import { readSseEvents } from "./test-support/sse.js";

describe("createSimulatorFetch", () => {
  const body = JSON.stringify({
    model: "rampart-demo",
    messages: [{ role: "user", content: "Hello in process" }],
  });

  it("answers in process exactly as the HTTP server does", async () => {
    const simulatorFetch = createSimulatorFetch();
    const inProcess = await simulatorFetch("http://simulator.invalid/v1/chat/completions", {
      method: "POST",
      body,
    });
    const simulator = await startSimulator();
    try {
      const overHttp = await fetch(`${simulator.baseUrl}/chat/completions`, { method: "POST", body });
      expect(inProcess.status).toBe(200);
      expect(await inProcess.text()).toBe(await overHttp.text());
    } finally {
      await simulator.close();
    }
  });

  it("streams SSE frames and returns errors with their status", async () => {
    const simulatorFetch = createSimulatorFetch({ chunkDelayMs: 1 });
    const streamBody = JSON.stringify({ ...JSON.parse(body), stream: true });
    const response = await simulatorFetch(
      new Request("http://x/v1/chat/completions", { method: "POST", body: streamBody }),
    );
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    if (!response.body) throw new Error("no body");
    const events = await readSseEvents(response.body);
    expect(events.at(-1)?.data).toBe("[DONE]");
    expect((await simulatorFetch("http://x/v1/nothing")).status).toBe(404);
  });
});
