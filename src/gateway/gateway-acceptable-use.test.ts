import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, startGatewayHarness } from "./test-support/gateway-harness.js";

/** The acceptable-use matrix, clearances and tool allowlists, enforced by the real policy guard. */
const policyYaml = `
policy:
  version: 1
  input:
    actions: { pii: flag }
  acceptableUse:
    - { role: app, model: rampart-demo, dataClass: confidential, decision: prohibited, reason: no personal data to this model }
    - { role: app, model: rampart-demo-echo, dataClass: confidential, decision: conditional }
  tools:
    apps:
      billing: { allow: [lookup_invoice, delete_invoice], destructive: [delete_invoice] }
`;

let harness: GatewayHarness;

beforeAll(async () => {
  harness = await startGatewayHarness({ extraYaml: policyYaml });
});
afterAll(async () => {
  await harness?.close();
});

async function chat(key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await request(`${harness.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, json: () => JSON.parse(text) };
}

const personal = "Send the invoice to jane.doe@example.org today.";

describe("acceptable use", () => {
  it("refuses personal data to a model where the matrix prohibits it, naming the reason", async () => {
    const key = await harness.key();
    const answer = await chat(key, {
      model: "rampart-demo",
      messages: [{ role: "user", content: personal }],
    });
    expect(answer.status).toBe(403);
    expect(answer.json().error.code).toBe("rampart_policy_violation");
    expect(answer.json().error.message).toContain("no personal data to this model");
    const plain = await chat(key, {
      model: "rampart-demo",
      messages: [{ role: "user", content: "Say hello." }],
    });
    expect(plain.status).toBe(200);
  });

  it("redacts first where the matrix says conditional, even though the policy only flags personal data", async () => {
    const key = await harness.key();
    const answer = await chat(key, {
      model: "rampart-demo-echo",
      messages: [{ role: "user", content: personal }],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-rampart-verdict"]).toBe("redact");
    expect(answer.json().choices[0].message.content).toContain("jane.doe@example.org");
  });

  it("refuses data above the key's clearance, also when the caller declares it", async () => {
    const publicKey = await harness.key({ clearance: "public" });
    const answer = await chat(publicKey, {
      model: "rampart-demo-echo",
      messages: [{ role: "user", content: "Say hello." }],
    });
    expect(answer.status).toBe(403);
    expect(answer.json().error.message).toContain("cleared for public");
    const internalKey = await harness.key({ clearance: "internal" });
    const declared = await chat(
      internalKey,
      { model: "rampart-demo-echo", messages: [{ role: "user", content: "Say hello." }] },
      { "x-rampart-data-class": "restricted" },
    );
    expect(declared.status).toBe(403);
    const bad = await chat(
      internalKey,
      { model: "rampart-demo", messages: [{ role: "user", content: "hi" }] },
      { "x-rampart-data-class": "secret-ish" },
    );
    expect(bad.status).toBe(400);
  });
});

describe("tool allowlist", () => {
  const tool = (name: string) => ({
    type: "function",
    function: { name, description: name, parameters: { type: "object" } },
  });

  it("refuses a tool the app may not use, and a destructive tool without approval", async () => {
    const key = await harness.key({ app: "billing" });
    const messages = [{ role: "user", content: "Look up invoice 42." }];
    const notAllowed = await chat(key, { model: "rampart-demo", messages, tools: [tool("send_email")] });
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.json().error.message).toContain("send_email");
    const destructive = await chat(key, { model: "rampart-demo", messages, tools: [tool("delete_invoice")] });
    expect(destructive.status).toBe(403);
    expect(destructive.json().error.message).toContain("needs approval");
    const approved = await chat(
      key,
      { model: "rampart-demo", messages, tools: [tool("delete_invoice")] },
      { "x-rampart-approve-tools": "delete_invoice" },
    );
    expect(approved.status).toBe(200);
    const allowed = await chat(key, { model: "rampart-demo", messages, tools: [tool("lookup_invoice")] });
    expect(allowed.status).toBe(200);
  });

  it("leaves apps without rules free to use any tool", async () => {
    const key = await harness.key({ app: "other" });
    const answer = await chat(key, {
      model: "rampart-demo",
      messages: [{ role: "user", content: "hi" }],
      tools: [tool("anything")],
    });
    expect(answer.status).toBe(200);
  });
});

describe("tool calls in answers", () => {
  it("blocks an answer whose tool call needs an approval the request did not give", async () => {
    const key = await harness.key({ app: "billing" });
    const tools = [
      {
        type: "function",
        function: {
          name: "delete_invoice",
          description: "delete an invoice",
          parameters: { type: "object" },
        },
      },
    ];
    const messages = [{ role: "user", content: "Please delete_invoice number 42." }];
    // approved for the request: the call may come back
    const approved = await chat(
      key,
      { model: "rampart-demo", messages, tools },
      { "x-rampart-approve-tools": "delete_invoice" },
    );
    expect(approved.status).toBe(200);
    const call = approved.json().choices[0].message.tool_calls?.[0];
    expect(call?.function.name).toBe("delete_invoice");
  });
});
