import { describe, expect, it } from "vitest";
import { describeProfileConformance } from "../test-support/profile-conformance.js";
import { defaultProfile, firstWords } from "./default-profile.js";
import type { ProfileChat, ProfileMessage } from "./profile.js";

describeProfileConformance(defaultProfile);

function user(text: string): ProfileMessage {
  return { role: "user", text, toolCalls: [] };
}

function replyText(chat: Partial<ProfileChat>): string {
  const reply = defaultProfile.reply({ model: "m", messages: [], tools: [], toolChoice: "auto", ...chat });
  if (reply.kind !== "text") throw new Error("expected a text reply");
  return reply.text;
}

describe("default profile", () => {
  it("quotes the first twelve words of the last user message", () => {
    const text = replyText({
      messages: [
        user("first"),
        user("one two three four five six seven eight nine ten eleven twelve thirteen"),
      ],
    });
    expect(text).toContain('you said "one two three four five six seven eight nine ten eleven twelve..."');
    expect(text).not.toContain("first");
    expect(text).not.toContain("thirteen");
  });

  it("greets back", () => {
    expect(replyText({ messages: [user("Hello there")] })).toMatch(/^Hello! I am the Rampart demo model/);
  });

  it("summarises a tool result instead of calling the tool again", () => {
    const text = replyText({
      messages: [
        user("weather in Paris?"),
        { role: "assistant", text: "", toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }] },
        { role: "tool", text: "Sunny, 21 degrees", toolCalls: [] },
      ],
      tools: [{ name: "get_weather", description: "Get the weather", parameters: {} }],
    });
    expect(text).toContain('the tool returned "Sunny, 21 degrees"');
  });

  it("says it is ready when there is no user message", () => {
    expect(replyText({ messages: [{ role: "system", text: "be nice", toolCalls: [] }] })).toContain("ready");
  });

  it("firstWords collapses whitespace and marks a cut", () => {
    expect(firstWords("  a\n b\tc  ", 2)).toBe("a b...");
    expect(firstWords("a b", 2)).toBe("a b");
  });
});
