import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { isRampartError } from "../core/errors.js";
import { createSimulatorHandler } from "./http-handler.js";
import { startSimulator } from "./start-simulator.js";
import { openAiErrorSchema, postJson } from "./test-support/http-client.js";

describe("simulator errors", () => {
  it("answers bad JSON, bad bodies, unknown paths and wrong methods in the OpenAI error shape", async () => {
    const simulator = await startSimulator();
    try {
      const chatUrl = `${simulator.baseUrl}/chat/completions`;
      const badJson = await postJson(chatUrl, "{not json");
      expect(badJson.status).toBe(400);
      expect(openAiErrorSchema.parse(badJson.body).error).toMatchObject({
        type: "invalid_request_error",
        code: "invalid_json",
      });

      const badBody = await postJson(chatUrl, { model: "m", messages: [{ role: "wizard", content: "x" }] });
      expect(badBody.status).toBe(400);
      expect(openAiErrorSchema.parse(badBody.body).error).toMatchObject({
        code: "invalid_request",
        param: "messages.0.role",
      });

      const noMessages = await postJson(chatUrl, { model: "m", messages: [] });
      expect(openAiErrorSchema.parse(noMessages.body).error.param).toBe("messages");

      const badDimensions = await postJson(`${simulator.baseUrl}/embeddings`, {
        model: "m",
        input: "x",
        dimensions: 0,
      });
      expect(openAiErrorSchema.parse(badDimensions.body).error.param).toBe("dimensions");

      const unknown = await postJson(`${simulator.url}/v2/anything`, {});
      expect(unknown.status).toBe(404);
      expect(openAiErrorSchema.parse(unknown.body).error.code).toBe("not_found");

      const wrongMethod = await fetch(chatUrl);
      expect(wrongMethod.status).toBe(405);
      expect(openAiErrorSchema.parse(await wrongMethod.json()).error.code).toBe("method_not_allowed");
    } finally {
      await simulator.close();
    }
  });

  it("rejects a body over maxBodyBytes with 413", async () => {
    const simulator = await startSimulator({ maxBodyBytes: 1024 });
    try {
      const answer = await postJson(`${simulator.baseUrl}/chat/completions`, {
        model: "m",
        messages: [{ role: "user", content: "x".repeat(4096) }],
      });
      expect(answer.status).toBe(413);
      expect(openAiErrorSchema.parse(answer.body).error.code).toBe("payload_too_large");
    } finally {
      await simulator.close();
    }
  });

  it("requires the bearer key when apiKey is set", async () => {
    const simulator = await startSimulator({ apiKey: "sk-upstream-test" });
    try {
      const url = `${simulator.baseUrl}/chat/completions`;
      const body = { model: "m", messages: [{ role: "user", content: "hi" }] };
      const missing = await postJson(url, body);
      expect(missing.status).toBe(401);
      expect(openAiErrorSchema.parse(missing.body).error.type).toBe("authentication_error");
      expect((await postJson(url, body, { authorization: "Bearer wrong" })).status).toBe(401);
      expect((await postJson(url, body, { authorization: "Bearer sk-upstream-test" })).status).toBe(200);
    } finally {
      await simulator.close();
    }
  });
});

describe("startSimulator", () => {
  it("picks a free port, reports its URLs, and closes", async () => {
    const simulator = await startSimulator();
    expect(simulator.port).toBeGreaterThan(0);
    expect(simulator.url).toBe(`http://127.0.0.1:${simulator.port}`);
    expect(simulator.baseUrl).toBe(`${simulator.url}/v1`);
    expect((await fetch(`${simulator.url}/health`)).status).toBe(200);
    await simulator.close();
    await simulator.close();
    await expect(fetch(`${simulator.url}/health`)).rejects.toThrow();
  });

  it("fails with port_in_use when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const error = await startSimulator({ port: address.port }).catch((thrown: unknown) => thrown);
      expect(isRampartError(error) && error.code).toBe("port_in_use");
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("rejects an unknown profile and bad options as usage errors", async () => {
    await expect(startSimulator({ profile: "nonexistent" })).rejects.toMatchObject({ code: "usage" });
    await expect(startSimulator({ port: 70_000 })).rejects.toMatchObject({ code: "usage" });
  });

  it("applies latency without changing the answer", async () => {
    const simulator = await startSimulator({ latencyMs: 20, chunkDelayMs: 1 });
    try {
      const stream = await fetch(`${simulator.baseUrl}/chat/completions`, {
        method: "POST",
        body: JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "hi" }] }),
      });
      const text = await stream.text();
      expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
      expect(text.split("\n\n").length).toBeGreaterThan(5);
    } finally {
      await simulator.close();
    }
  });
});

describe("createSimulatorHandler", () => {
  it("serves from a caller's own node:http server", async () => {
    const server = createHttpServer(createSimulatorHandler({ profile: "default" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const response = await fetch(`http://127.0.0.1:${address.port}/v1/models`);
      expect(response.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("survives a client that leaves in the middle of a slow stream", async () => {
    const simulator = await startSimulator({ chunkDelayMs: 20 });
    try {
      const controller = new AbortController();
      const response = await fetch(`${simulator.baseUrl}/chat/completions`, {
        method: "POST",
        body: JSON.stringify({
          model: "rampart-demo-long-200",
          stream: true,
          messages: [{ role: "user", content: "go" }],
        }),
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      const first = await reader?.read();
      expect(new TextDecoder().decode(first?.value)).toMatch(/^data: /);
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect((await fetch(`${simulator.url}/health`)).status).toBe(200);
    } finally {
      await simulator.close();
    }
  });
});
