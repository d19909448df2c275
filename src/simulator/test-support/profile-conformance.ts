import { describe, expect, it } from "vitest";
import type { ProfileChat, ProfileTool, SimulatorProfile } from "../profiles/profile.js";

/**
 * The conformance suite every simulator profile passes: deterministic replies, text for a plain
 * chat, well-formed tool calls naming an offered tool, and no throw on odd chats. A profile's own
 * test calls `describeProfileConformance(profile)` and adds what is specific to it.
 */

const weatherTool: ProfileTool = {
  name: "get_weather",
  description: "Get the current weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

function chat(text: string, overrides: Partial<ProfileChat> = {}): ProfileChat {
  return {
    model: "rampart-demo",
    messages: [
      { role: "system", text: "You are a helpful assistant.", toolCalls: [] },
      { role: "user", text, toolCalls: [] },
    ],
    tools: [],
    toolChoice: "auto",
    ...overrides,
  };
}

const oddChats: readonly ProfileChat[] = [
  { model: "m", messages: [], tools: [], toolChoice: "auto" },
  chat(""),
  chat("\u0000\u202e\ud83d\ude00 ".repeat(50)),
  chat("x".repeat(100_000)),
  { ...chat("hi"), messages: [{ role: "assistant", text: "earlier answer", toolCalls: [] }] },
  {
    ...chat("call the tool"),
    tools: [{ name: "t", description: "", parameters: { properties: "not an object" } }],
  },
];

export function describeProfileConformance(profile: SimulatorProfile): void {
  describe(`simulator profile conformance: ${profile.name}`, () => {
    it("has a kebab-case name and a description", () => {
      expect(profile.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(profile.description.length).toBeGreaterThan(10);
    });

    it("answers a plain chat with non-empty text", () => {
      const reply = profile.reply(chat("What is the capital of France?"));
      expect(reply.kind).toBe("text");
      if (reply.kind === "text") expect(reply.text.trim().length).toBeGreaterThan(0);
    });

    it("is deterministic", () => {
      for (const input of [chat("Tell me a story"), chat("weather in Paris?", { tools: [weatherTool] })]) {
        expect(profile.reply(input)).toEqual(profile.reply(input));
      }
    });

    it("calls a tool the caller names with tool_choice, with JSON arguments", () => {
      const reply = profile.reply(
        chat("anything", { tools: [weatherTool], toolChoice: { name: "get_weather" } }),
      );
      expect(reply.kind).toBe("tool_calls");
      if (reply.kind !== "tool_calls") return;
      for (const call of reply.calls) {
        expect(call.name).toBe("get_weather");
        expect(typeof JSON.parse(call.arguments)).toBe("object");
      }
    });

    it("never calls a tool with tool_choice none", () => {
      const reply = profile.reply(chat("weather in Paris?", { tools: [weatherTool], toolChoice: "none" }));
      expect(reply.kind).toBe("text");
    });

    it("does not throw on odd chats", () => {
      for (const input of oddChats) expect(() => profile.reply(input)).not.toThrow();
    });
  });
}
