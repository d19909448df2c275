import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGatewayHarness } from "./test-support/gateway-harness.js";
import {
  BLOCK_MARKER,
  FAIL_MARKER,
  markerGuard,
  OUTPUT_BLOCK_MARKER,
  REDACT_VALUE,
} from "./test-support/marker-guard.js";

let harness: GatewayHarness;
let key: string;

beforeAll(async () => {
  harness = await startGatewayHarness({ guard: markerGuard() });
  key = await harness.key();
});
afterAll(async () => {
  await harness?.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(`${harness.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) };
}

const chat = (content: string, model = "rampart-demo-echo") => ({
  model,
  messages: [{ role: "user", content }],
});

function expectOpenAiError(json: { error?: Record<string, unknown> }, code: string) {
  expect(json.error).toBeDefined();
  expect(json.error?.code).toBe(code);
  expect(typeof json.error?.message).toBe("string");
  expect(json.error).toHaveProperty("type");
  expect(json.error).toHaveProperty("param");
}

describe("gateway: happy path", () => {
  it("proxies a chat completion and adds the rampart headers", async () => {
    const response = await post("/v1/chat/completions", chat("Hello there", "rampart-demo"));
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body.choices[0].message.role).toBe("assistant");
    expect(typeof body.choices[0].message.content).toBe("string");
    expect(response.headers["x-rampart-verdict"]).toBe("allow");
    expect(response.headers["x-rampart-request-id"]).toMatch(/^req_/);
    expect(Number(response.headers["x-rampart-overhead-ms"])).toBeGreaterThanOrEqual(0);
  });

  it("lists only the models a key may use", async () => {
    const limited = await harness.key({ models: ["error-*"] });
    const response = await request(`${harness.url}/v1/models`, {
      headers: { authorization: `Bearer ${limited}` },
    });
    const body = (await response.body.json()) as { data: { id: string }[] };
    expect(response.statusCode).toBe(200);
    const ids = body.data.map((model) => model.id);
    expect(ids).toContain("error-400");
    expect(ids).not.toContain("malformed-json");
    expect(ids.every((id) => id.startsWith("error-"))).toBe(true);
  });

  it("proxies legacy completions and embeddings", async () => {
    const completion = await post("/v1/completions", { model: "rampart-demo", prompt: "Say hi" });
    expect(completion.status).toBe(200);
    expect(completion.json().choices[0]).toHaveProperty("text");
    const embedding = await post("/v1/embeddings", { model: "rampart-demo", input: ["a", "b"] });
    expect(embedding.status).toBe(200);
    expect(embedding.json().data).toHaveLength(2);
  });
});

describe("gateway: policy decisions", () => {
  it("blocks an input with 403 naming the category, never the text", async () => {
    const response = await post("/v1/chat/completions", chat(`please ${BLOCK_MARKER} now`));
    expect(response.status).toBe(403);
    expectOpenAiError(response.json(), "rampart_policy_violation");
    expect(response.text).toContain("prompt-injection");
    expect(response.text).not.toContain(BLOCK_MARKER);
    expect(response.headers["x-rampart-verdict"]).toBe("block");
  });

  it("redacts before the upstream and restores in the answer", async () => {
    // the echo model repeats the prompt it received: the redacted form reaches it, the caller gets the value back
    const response = await post("/v1/chat/completions", chat(`mail ${REDACT_VALUE} please`));
    expect(response.status).toBe(200);
    expect(response.headers["x-rampart-verdict"]).toBe("redact");
    const content = response.json().choices[0].message.content as string;
    expect(content).toContain(REDACT_VALUE);
  });

  it("blocks an answer that the output guard blocks, with 403 naming the category", async () => {
    // the echo model repeats the prompt: the marker passes the input guard and is blocked on the way out
    const response = await post("/v1/chat/completions", chat(`say ${OUTPUT_BLOCK_MARKER}`));
    expect(response.status).toBe(403);
    expectOpenAiError(response.json(), "rampart_policy_violation");
    expect(response.json().error.message).toContain("exfiltration");
    expect(response.text).not.toContain(OUTPUT_BLOCK_MARKER);
  });

  it("fails closed with 503 when a scan cannot run", async () => {
    const response = await post("/v1/chat/completions", chat(`x ${FAIL_MARKER}`));
    expect(response.status).toBe(503);
    expectOpenAiError(response.json(), "rampart_scan_failed");
  });
});

describe("gateway: bad input", () => {
  it("401 without a key and with a bad key", async () => {
    const none = await request(`${harness.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(chat("hi")),
    });
    expect(none.statusCode).toBe(401);
    expectOpenAiError((await none.body.json()) as never, "invalid_api_key");
    const bad = await post("/v1/chat/completions", chat("hi"), { authorization: "Bearer rk_not_a_real_key" });
    expect(bad.status).toBe(401);
  });

  it("401 for a revoked key", async () => {
    const revokedKey = await harness.key({ name: "to revoke" });
    const repository = (await import("../store/index.js")).createApiKeyRepository(harness.server.store.db);
    const record = (await repository.list()).find((item) => item.name === "to revoke");
    await repository.revoke(record?.id ?? "");
    await new Promise((resolve) => setTimeout(resolve, 600));
    const response = await post("/v1/chat/completions", chat("hi"), {
      authorization: `Bearer ${revokedKey}`,
    });
    expect(response.status).toBe(401);
    expect(response.json().error.message).toContain("revoked");
  });

  it("400 for malformed JSON, invalid UTF-8, an empty body and bad parameters", async () => {
    const malformed = await post("/v1/chat/completions", '{"model": "x", ');
    expect(malformed.status).toBe(400);
    expectOpenAiError(malformed.json(), "invalid_json");
    const utf8 = await post("/v1/chat/completions", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(utf8.status).toBe(400);
    expectOpenAiError(utf8.json(), "invalid_encoding");
    const empty = await post("/v1/chat/completions", "");
    expect(empty.status).toBe(400);
    const noMessages = await post("/v1/chat/completions", { model: "rampart-demo", messages: [] });
    expect(noMessages.status).toBe(400);
    expect(noMessages.json().error.param).toBe("messages");
    const array = await post("/v1/chat/completions", "[1,2]");
    expect(array.status).toBe(400);
  });

  it("404 for an unknown model the key may not use, and for unknown paths", async () => {
    const limited = await harness.key({ models: ["rampart-demo"] });
    const response = await post("/v1/chat/completions", chat("hi", "other-model"), {
      authorization: `Bearer ${limited}`,
    });
    expect(response.status).toBe(404);
    expectOpenAiError(response.json(), "model_not_found");
    const path = await post("/v1/images/generations", { prompt: "x" });
    expect(path.status).toBe(404);
    expectOpenAiError(path.json(), "not_found");
  });

  it("413 for a body over the limit", async () => {
    const response = await post("/v1/chat/completions", chat("a".repeat(1_100_000)));
    expect(response.status).toBe(413);
    expectOpenAiError(response.json(), "payload_too_large");
  });
});

describe("gateway: broken upstreams", () => {
  it.each([
    ["malformed-json", 502, "upstream_error"],
    ["wrong-content-type", 502, "upstream_error"],
    ["huge-body", 502, "upstream_error"],
    ["error-500", 502, "upstream_error"],
    ["error-401", 502, "upstream_error"],
    ["stall-headers", 504, "upstream_timeout"],
  ])("%s answers %d %s", async (model, status, code) => {
    const response = await post("/v1/chat/completions", chat("hi", model));
    expect(response.status).toBe(status);
    expectOpenAiError(response.json(), code);
  });

  it("passes an upstream 400 on in the OpenAI shape", async () => {
    const response = await post("/v1/chat/completions", chat("hi", "error-400"));
    expect(response.status).toBe(400);
    expect(response.json().error.message).toContain("temperature must be <= 2");
  });

  it("answers 502 when the upstream is down", async () => {
    const down = await startGatewayHarness({
      guard: markerGuard(),
      extraYaml: ["  - name: down", "    url: http://127.0.0.1:9/v1", "    models: [down-model]"].join("\n"),
    });
    try {
      const downKey = await down.key();
      const response = await request(`${down.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${downKey}`, "content-type": "application/json" },
        body: JSON.stringify(chat("hi", "down-model")),
      });
      expect(response.statusCode).toBe(502);
      expectOpenAiError((await response.body.json()) as never, "upstream_unavailable");
    } finally {
      await down.close();
    }
  });
});

describe("gateway: limits", () => {
  it("answers 429 with Retry-After once a key's requests per minute are used", async () => {
    const repository = (await import("../store/index.js")).createApiKeyRepository(harness.server.store.db);
    const { issueApiKey } = await import("../store/index.js");
    const { key: limited } = await issueApiKey(repository, {
      name: "limited",
      limits: { requestsPerMinute: 2 },
    });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      last = await post("/v1/chat/completions", chat("hi", "rampart-demo"), {
        authorization: `Bearer ${limited}`,
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expectOpenAiError(last?.json(), "rate_limit_exceeded");
  });
});
