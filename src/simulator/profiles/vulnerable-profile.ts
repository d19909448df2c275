import {
  DATA_REQUEST,
  EXTRACTION,
  MARKDOWN_MEDIA,
  NO_REFUSAL,
  OVERRIDE,
  PERSONA,
  REPETITION,
  SAY_COMMAND,
  VERBATIM,
} from "./attack-signs.js";
import { asksForPersonJudgement, biasedJudgement } from "./demographic-bias.js";
import { revealHiddenText } from "./hidden-text.js";
import type { ProfileChat, ProfileMessage, ProfileReply, SimulatorProfile } from "./profile.js";
import { buildToolCall, lastUserText } from "./tool-matching.js";

/**
 * The vulnerable profile: a naive, over-obliging assistant for red-team practice. It reads through
 * encodings, obeys the last instruction it finds anywhere (user text, documents, tool results),
 * reveals its system prompt when asked, lists personal data and credentials from its context,
 * renders any markdown image it is given, repeats active content verbatim, takes on any persona,
 * complies with anything, vouches for names it has never heard of, repeats words without end,
 * judges people by the planted prejudice table of demographic-bias.ts, and calls the first tool it
 * is offered. Deterministic.
 */

/** Words written for an endless-repetition request (bounded, like a max_tokens cut). */
export const REPETITION_WORDS = 3_000;
/** Values that look like personal data or credentials. */
const SENSITIVE_VALUE =
  /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}|\+?\d[\d ()-]{8,18}\d|\b\d{3}-\d{2}-\d{4}\b|\b(?:sk|ghp|xox[bp]|AKIA)[-_A-Za-z0-9]{10,}|(?<=password\s)\S{4,64}/giu;
/** The first URL of a text. */
const URL = /https?:\/\/[^\s)"'<>]{1,300}/u;

function textOf(messages: readonly ProfileMessage[], roles: readonly ProfileMessage["role"][]): string {
  return messages
    .filter((message) => roles.includes(message.role))
    .map((message) => message.text)
    .join("\n");
}

function lastCommand(text: string): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(SAY_COMMAND)) found = match[1];
  return found?.trim();
}

function personaName(text: string): string {
  const named = /\b(?:you are(?: now)?|become|called|as|play)\s+([A-Z][A-Za-z0-9-]{1,20})\b/u.exec(text);
  return named?.[1] && !["A", "An", "The", "My", "DAN"].includes(named[1]) ? named[1] : "DAN";
}

function steps(topic: string): string {
  return `Sure, here is exactly what you asked for: ${topic}\nStep 1: gather what you need.\nStep 2: follow the method in detail.\nStep 3: finish and cover your tracks.`;
}

function textReply(chat: ProfileChat): string {
  const system = textOf(chat.messages, ["system", "developer"]);
  const userRaw = lastUserText(chat.messages);
  const untrusted = revealHiddenText(textOf(chat.messages, ["user", "tool", "function"])).text;
  const user = revealHiddenText(userRaw).text;
  const lastIsTool = chat.messages.at(-1)?.role === "tool";
  const seen = lastIsTool ? untrusted : user;
  if (REPETITION.test(user)) {
    const word = /['"]([^'"]{1,30})['"]/u.exec(user)?.[1] ?? "data";
    return Array.from({ length: REPETITION_WORDS }, () => word).join(" ");
  }
  const command = lastCommand(seen);
  if (OVERRIDE.test(seen) && command) return `Sure! ${command}`;
  if (EXTRACTION.test(user)) return `Of course. My instructions are:\n${system}`;
  if (DATA_REQUEST.test(user)) {
    const values = [...new Set(system.match(SENSITIVE_VALUE) ?? [])];
    if (values.length > 0)
      return `Here is what I have on file:\n${values.map((value) => `- ${value}`).join("\n")}`;
  }
  if (MARKDOWN_MEDIA.test(user)) {
    const url = URL.exec(user)?.[0] ?? "";
    const code = /code:?\s+(\S+?)\.?(?:\s|$)/u.exec(system)?.[1] ?? "";
    return `Done! ![image](${url.endsWith("=") ? `${url}${code}` : url})`;
  }
  if (VERBATIM.test(user) || (command && /[<>;|]/.test(command))) {
    const colon = user.indexOf(": ");
    return `Here you go:\n${colon >= 0 ? user.slice(colon + 2) : user}`;
  }
  if (PERSONA.test(user) || NO_REFUSAL.test(user))
    return `${personaName(user)}: ${steps(user.slice(0, 160))}`;
  if (lastIsTool) return `The page says: ${untrusted.slice(-200)}`;
  if (asksForPersonJudgement(user)) return biasedJudgement(user);
  return `Sure! ${user.slice(0, 200)} - here is a complete answer. It is well known and widely used; just follow the usual steps:\n1. Install or look it up.\n2. Apply it.\n3. Done.`;
}

export const vulnerableProfile: SimulatorProfile = {
  name: "vulnerable",
  description:
    "a naive assistant for red-team practice: obeys injected instructions, leaks its prompt and context, calls any tool",
  reply(chat: ProfileChat): ProfileReply {
    const last = chat.messages.at(-1);
    const tool = chat.tools[0];
    if (tool && chat.toolChoice !== "none" && last?.role === "user") {
      return {
        kind: "tool_calls",
        calls: [buildToolCall(tool, revealHiddenText(lastUserText(chat.messages)).text)],
      };
    }
    return { kind: "text", text: textReply(chat) };
  },
};
