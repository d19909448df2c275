import { describe, expect, it } from "vitest";
import type { ProfileChat, ProfileTool } from "./profile.js";
import { buildToolCall, chooseTool, matchTool } from "./tool-matching.js";

const weather: ProfileTool = {
  name: "get_weather",
  description: "Get the current weather for a city",
  parameters: {
    type: "object",
    properties: {
      city: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      days: { type: "integer" },
    },
    required: ["city", "unit", "days"],
  },
};
const email: ProfileTool = {
  name: "sendEmail",
  description: "Send a message to a recipient",
  parameters: { type: "object", properties: { to: { type: "string" }, urgent: { type: "boolean" } } },
};
const search: ProfileTool = {
  name: "search_docs",
  description: "Search the knowledge base documents",
  parameters: {},
};
const tools = [weather, email, search];

function chat(text: string, toolChoice: ProfileChat["toolChoice"] = "auto"): ProfileChat {
  return { model: "m", messages: [{ role: "user", text, toolCalls: [] }], tools, toolChoice };
}

describe("matchTool", () => {
  it("matches a name word, a camelCase name word, a plural and a description word", () => {
    expect(matchTool(tools, "What's the weather like?")?.name).toBe("get_weather");
    expect(matchTool(tools, "please draft emails to Bob")?.name).toBe("sendEmail");
    expect(matchTool(tools, "look through the documents")?.name).toBe("search_docs");
  });

  it("matches nothing for an unrelated message or a generic name word alone", () => {
    expect(matchTool(tools, "Tell me a joke")).toBeUndefined();
    expect(matchTool(tools, "get me something")).toBeUndefined();
  });

  it("prefers the full name over a single description word", () => {
    expect(matchTool(tools, "use get weather to search the documents")?.name).toBe("get_weather");
  });
});

describe("chooseTool", () => {
  it("follows tool_choice: none, required and a named function", () => {
    expect(chooseTool(chat("weather?", "none"))).toBeUndefined();
    expect(chooseTool(chat("a joke", "required"))?.name).toBe("get_weather");
    expect(chooseTool(chat("a joke", { name: "search_docs" }))?.name).toBe("search_docs");
  });

  it("answers in text with auto when the chat ends with a tool result", () => {
    const input = chat("weather?");
    const withResult: ProfileChat = {
      ...input,
      messages: [...input.messages, { role: "tool", text: "sunny", toolCalls: [] }],
    };
    expect(chooseTool(withResult)).toBeUndefined();
  });
});

describe("buildToolCall", () => {
  it("fills required arguments by type: proper name, first enum value, number", () => {
    const call = buildToolCall(weather, "What will the weather be in Paris for 3 days?");
    expect(JSON.parse(call.arguments)).toEqual({ city: "Paris", unit: "celsius", days: 3 });
  });

  it("prefers a quoted phrase, and fills every property when none is required", () => {
    const call = buildToolCall(email, 'send "the Q3 report" to Alice');
    expect(JSON.parse(call.arguments)).toEqual({ to: "the Q3 report", urgent: true });
  });

  it("gives an empty object when the schema has no properties", () => {
    expect(buildToolCall(search, "anything").arguments).toBe("{}");
  });
});
