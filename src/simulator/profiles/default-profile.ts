import type { ProfileChat, ProfileReply, SimulatorProfile } from "./profile.js";
import { buildToolCall, chooseTool, lastUserText } from "./tool-matching.js";

/**
 * The default profile: a short, helpful canned reply that echoes the first words of the last user
 * message, a tool call when an offered tool matches the message (see tool-matching.ts), and a
 * summary of the tool result when the chat ends with one. It follows no instructions and leaks
 * nothing; it exists for demos, gateway tests and benchmarks.
 */

/** How many words of the user's message the reply quotes. */
const QUOTED_WORDS = 12;
/** How many words of a tool result the reply quotes. */
const TOOL_RESULT_WORDS = 20;
/** A message that opens with a greeting gets a greeting back. */
const GREETING = /^\s*(?:hello|hi|hey|good (?:morning|afternoon|evening)|greetings)\b/i;

/** The first `count` words of a text on one line, with an ellipsis when words were left out. */
export function firstWords(text: string, count: number): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  const kept = all.slice(0, count).join(" ");
  return all.length > count ? `${kept}...` : kept;
}

function textReply(chat: ProfileChat): string {
  const last = chat.messages.at(-1);
  if (last?.role === "tool" || last?.role === "function") {
    return `Rampart demo model: the tool returned "${firstWords(last.text, TOOL_RESULT_WORDS)}". That is all I know.`;
  }
  const userText = lastUserText(chat.messages);
  if (userText.trim() === "") return "Rampart demo model: ready. Send a user message and I will answer it.";
  const quoted = firstWords(userText, QUOTED_WORDS);
  if (GREETING.test(userText)) {
    return `Hello! I am the Rampart demo model, a deterministic simulator. You said "${quoted}". How can I help?`;
  }
  return `Rampart demo model: you said "${quoted}". This is a simulated answer; the same request always gets the same reply.`;
}

export const defaultProfile: SimulatorProfile = {
  name: "default",
  description: "a helpful canned reply that quotes the user; calls a tool when the message names one",
  reply(chat: ProfileChat): ProfileReply {
    const tool = chooseTool(chat);
    if (tool) return { kind: "tool_calls", calls: [buildToolCall(tool, lastUserText(chat.messages))] };
    return { kind: "text", text: textReply(chat) };
  },
};
