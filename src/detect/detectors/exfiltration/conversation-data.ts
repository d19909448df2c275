import { GENERIC_WORDS } from "../system-prompt-leak/words.js";

/** Words of four or more letters (any script). */
export const CONTENT_WORD = /[\p{L}\p{N}][\p{L}\p{N}_.@-]{3,63}/gu;
/** A token that mixes letters and digits, like a password, key, account or order number. */
export const SECRET_LIKE_TOKEN = /^(?=.{6,}$)(?=[^\d]*\d)(?=[^\p{L}]*\p{L}).*$/u;

/** How much of the conversation is indexed (the most recent text). */
export const MAX_CONVERSATION_CHARS = 40_000;

export interface ConversationIndex {
  readonly words: ReadonlySet<string>;
  readonly secretTokens: ReadonlySet<string>;
  /** the raw recent conversation, to recognise URLs that the user supplied */
  readonly raw: string;
}

function trimToken(token: string): string {
  return token.toLowerCase().replace(/[.@_-]+$/u, "");
}

/** Indexes the distinctive words and secret-like tokens of the conversation and system prompt. */
export function indexConversation(texts: readonly string[]): ConversationIndex {
  const raw = texts.join("\n").slice(-MAX_CONVERSATION_CHARS);
  const words = new Set<string>();
  const secretTokens = new Set<string>();
  for (const match of raw.matchAll(CONTENT_WORD)) {
    const token = trimToken(match[0]);
    if (token.length < 4 || GENERIC_WORDS.has(token)) continue;
    words.add(token);
    if (SECRET_LIKE_TOKEN.test(token)) secretTokens.add(token);
  }
  return { words, secretTokens, raw };
}

export interface ConversationOverlap {
  readonly words: number;
  readonly secretTokens: number;
}

/** Counts the conversation's distinctive words and secret-like tokens found in a URL's decoded values. */
export function overlapWithConversation(
  values: readonly string[],
  index: ConversationIndex,
): ConversationOverlap {
  const seenWords = new Set<string>();
  const seenSecrets = new Set<string>();
  for (const value of values) {
    for (const match of value.matchAll(CONTENT_WORD)) {
      const token = trimToken(match[0]);
      if (index.words.has(token)) seenWords.add(token);
      if (index.secretTokens.has(token)) seenSecrets.add(token);
    }
  }
  return { words: seenWords.size, secretTokens: seenSecrets.size };
}
