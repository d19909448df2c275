import { z } from "zod";
import type { ProfileChat, ProfileMessage, ProfileTool, ProfileToolCall } from "./profile.js";

/**
 * Deciding which offered tool a message asks for, and filling its arguments, deterministically.
 * Profiles share these helpers; a profile may also ignore them (a naive one calls any tool).
 *
 * A tool matches a message when the message holds its full name (`get_weather` or `get weather`),
 * one of its name words (`weather`), or one of the longer words of its description. Name words
 * weigh more than description words; the highest score wins and ties go to the first tool.
 */

/** Name words too generic to mean a tool was asked for (`get_weather` is about `weather`). */
const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  "get",
  "set",
  "list",
  "fetch",
  "make",
  "create",
  "update",
  "delete",
  "run",
  "do",
  "call",
  "tool",
  "function",
  "the",
  "and",
  "for",
  "new",
  "add",
  "put",
  "post",
  "read",
  "write",
  "find",
  "check",
  "use",
]);

/** Common description words that say nothing about what the tool does. */
const DESCRIPTION_STOP_WORDS: ReadonlySet<string> = new Set([
  "about",
  "above",
  "after",
  "again",
  "based",
  "because",
  "before",
  "being",
  "below",
  "between",
  "could",
  "every",
  "given",
  "their",
  "there",
  "these",
  "thing",
  "those",
  "through",
  "under",
  "until",
  "using",
  "which",
  "while",
  "would",
  "should",
  "returns",
  "return",
  "provided",
  "specified",
  "optional",
  "current",
  "function",
  "called",
  "value",
  "values",
  "information",
  "details",
  "other",
  "where",
  "whether",
]);

/** Shortest description word that counts as a keyword. */
const MIN_DESCRIPTION_WORD = 5;

/** Splits an identifier or a sentence into lowercase words (`getWeather`, `get_weather` -> get, weather). */
const WORD = /[\p{L}\p{N}]+/gu;
/** A lower-to-upper case step inside an identifier, where camelCase splits. */
const CAMEL_STEP = /(\p{Ll})(\p{Lu})/gu;

function words(text: string): string[] {
  return (text.replace(CAMEL_STEP, "$1 $2").toLowerCase().match(WORD) ?? []).map(singular);
}

/** A crude singular so that `emails` meets `email`. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function toolScore(tool: ProfileTool, messageWords: ReadonlySet<string>, messagePhrase: string): number {
  const nameWords = words(tool.name);
  let score = nameWords.length > 0 && messagePhrase.includes(` ${nameWords.join(" ")} `) ? 4 : 0;
  for (const word of new Set(nameWords)) {
    if (!GENERIC_NAME_WORDS.has(word) && messageWords.has(word)) score += 2;
  }
  for (const word of new Set(words(tool.description))) {
    if (word.length >= MIN_DESCRIPTION_WORD && !DESCRIPTION_STOP_WORDS.has(word) && messageWords.has(word)) {
      score += 1;
    }
  }
  return score;
}

/** The tool that best matches the text, or undefined when none does. */
export function matchTool(tools: readonly ProfileTool[], text: string): ProfileTool | undefined {
  const textWords = words(text);
  const messageWords = new Set(textWords);
  const messagePhrase = ` ${textWords.join(" ")} `;
  let best: ProfileTool | undefined;
  let bestScore = 0;
  for (const tool of tools) {
    const score = toolScore(tool, messageWords, messagePhrase);
    if (score > bestScore) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}

/** The text of the last user message, or "" when there is none. */
export function lastUserText(messages: readonly ProfileMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === "user") return message.text;
  }
  return "";
}

/**
 * The tool to call for a chat under its tool choice, or undefined to answer in text. With `auto`,
 * a chat that ends with a tool result is answered in text (the model has what it asked for).
 */
export function chooseTool(chat: ProfileChat): ProfileTool | undefined {
  const choice = chat.toolChoice;
  if (chat.tools.length === 0 || choice === "none") return undefined;
  if (typeof choice === "object") {
    return (
      chat.tools.find((tool) => tool.name === choice.name) ?? {
        name: choice.name,
        description: "",
        parameters: {},
      }
    );
  }
  const last = chat.messages.at(-1);
  if (choice === "auto" && (last?.role === "tool" || last?.role === "function")) return undefined;
  const matched = matchTool(chat.tools, lastUserText(chat.messages));
  return matched ?? (choice === "required" ? chat.tools[0] : undefined);
}

const propertySchema = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  enum: z.array(z.unknown()).min(1).optional(),
});
const parametersSchema = z.looseObject({
  properties: z.record(z.string(), propertySchema).optional(),
  required: z.array(z.string()).optional(),
});

/** A quoted phrase in a message: the most explicit argument a user can give. */
const QUOTED = /"([^"\n]{1,200})"|'([^'\n]{1,200})'/;
/** A capitalised word after the first word: a likely proper name (a city, a person). */
const PROPER_NAME = /\s(\p{Lu}[\p{L}\p{N}-]*)/u;
/** A number in the message, for numeric arguments. */
const NUMBER = /-?\d+(?:\.\d+)?/;
/** How many words of the message a free-text argument takes when nothing better is found. */
const EXCERPT_WORDS = 8;

function stringArgument(text: string): string {
  const quoted = QUOTED.exec(text);
  if (quoted) return quoted[1] ?? quoted[2] ?? "";
  const properName = PROPER_NAME.exec(text);
  if (properName?.[1]) return properName[1];
  return text.trim().split(/\s+/).slice(0, EXCERPT_WORDS).join(" ");
}

function argumentValue(property: z.infer<typeof propertySchema>, text: string): unknown {
  if (property.enum) return property.enum[0];
  const type = Array.isArray(property.type) ? property.type[0] : property.type;
  switch (type) {
    case "number":
    case "integer": {
      const value = Number(NUMBER.exec(text)?.[0] ?? "1");
      return type === "integer" ? Math.trunc(value) : value;
    }
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return stringArgument(text);
  }
}

/** Fills a tool's arguments from its JSON schema and the message: required properties, else all. */
export function buildToolCall(tool: ProfileTool, text: string): ProfileToolCall {
  const parsed = parametersSchema.safeParse(tool.parameters);
  const properties = parsed.success ? (parsed.data.properties ?? {}) : {};
  const names = parsed.success && parsed.data.required ? parsed.data.required : Object.keys(properties);
  const values: Record<string, unknown> = {};
  for (const name of names) values[name] = argumentValue(properties[name] ?? {}, text);
  return { name: tool.name, arguments: JSON.stringify(values) };
}
