import { countEncodedTokens, preloadEncoding } from "./bpe-encodings.js";
import { type CountableMessage, formatOverheadTokens, messageTexts } from "./chat-messages.js";
import { type TokenizerFamily, tokenizerFor } from "./model-family.js";
import { estimateTokens } from "./token-estimator.js";

/**
 * The tokenizer count of a text for a model: exact for OpenAI models, the cl100k_base count
 * times the family factor for other families (model-family.ts). Linear time, but 0.1 to
 * 3 ms per K characters (README.md): use `countPromptTokens` on the request path.
 */
export function countTextTokens(text: string, model: string): number {
  const choice = tokenizerFor(model);
  return Math.ceil(countEncodedTokens(text, choice.encoding) * choice.factor);
}

/** The tokenizer count of a chat prompt: its texts plus the chat format's tokens. */
export function countChatTokens(messages: readonly CountableMessage[], model: string): number {
  const choice = tokenizerFor(model);
  const { texts, nonTextParts } = messageTexts(messages);
  let total = 0;
  for (const text of texts) total += countEncodedTokens(text, choice.encoding);
  return Math.ceil(total * choice.factor) + formatOverheadTokens(messages.length, nonTextParts);
}

/** The fast estimate (token-estimator.ts) of a text for a model, 0.01 to 0.03 ms per K characters. */
export function estimateTextTokens(text: string, model: string): number {
  return Math.ceil(estimateTokens(text) * tokenizerFor(model).factor);
}

/** The fast estimate of a chat prompt, with the chat format's tokens. */
export function estimateChatTokens(messages: readonly CountableMessage[], model: string): number {
  const { texts, nonTextParts } = messageTexts(messages);
  let total = 0;
  for (const text of texts) total += estimateTokens(text);
  return Math.ceil(total * tokenizerFor(model).factor) + formatOverheadTokens(messages.length, nonTextParts);
}

/** Load the encoding a model needs now, so the first request near a limit does not wait for it. */
export function preloadTokenizer(model: string): void {
  preloadEncoding(tokenizerFor(model).encoding);
}

/**
 * Below this share of the limit an estimate is taken as under it: the lowest estimate/exact ratio
 * measured was 0.5 (random letter strings, rare symbols); real text stayed above 0.78.
 */
export const SURELY_UNDER_SHARE = 0.3;
/** Above this multiple of the limit an estimate is taken as over it (highest ratio measured: 2.0). */
export const SURELY_OVER_MULTIPLE = 2.5;
/**
 * Prompts longer than this are never tokenised on the request path: at the worst rate measured
 * (about 3 ms of CPU per K characters, random CJK text) that bounds one count to about 100 ms;
 * prose takes about 0.1 to 0.3 ms per K.
 */
export const DEFAULT_EXACT_MAX_CHARS = 32_768;

export interface PromptTokenCount {
  /** prompt tokens: the tokenizer count when `method` is "tokenizer", otherwise the estimate */
  tokens: number;
  method: "tokenizer" | "estimate";
  /** true only when the tokenizer count is the model's own (OpenAI models) */
  exact: boolean;
  family: TokenizerFamily;
  /** false when the prompt is over `maxPromptTokens` */
  withinLimit: boolean;
}

/**
 * The request-path count: the fast estimate, and the tokenizer only when the estimate is close to
 * `maxPromptTokens` (between SURELY_UNDER_SHARE and SURELY_OVER_MULTIPLE of it) and the prompt is
 * at most `exactMaxChars` long. The result feeds `LimitsService.check` (whose reservation is
 * settled with the upstream's real usage afterwards, so an estimate does not stick).
 */
export function countPromptTokens(
  messages: readonly CountableMessage[],
  model: string,
  options: { maxPromptTokens?: number | undefined; exactMaxChars?: number } = {},
): PromptTokenCount {
  const choice = tokenizerFor(model);
  const estimate = estimateChatTokens(messages, model);
  const limit = options.maxPromptTokens;
  const base = { exact: false, family: choice.family };
  if (limit === undefined) return { ...base, tokens: estimate, method: "estimate", withinLimit: true };
  if (estimate < limit * SURELY_UNDER_SHARE) {
    return { ...base, tokens: estimate, method: "estimate", withinLimit: true };
  }
  const characters = messageTexts(messages).texts.reduce((sum, text) => sum + text.length, 0);
  if (
    estimate > limit * SURELY_OVER_MULTIPLE ||
    characters > (options.exactMaxChars ?? DEFAULT_EXACT_MAX_CHARS)
  ) {
    return { ...base, tokens: estimate, method: "estimate", withinLimit: estimate <= limit };
  }
  const tokens = countChatTokens(messages, model);
  return {
    exact: choice.exact,
    family: choice.family,
    tokens,
    method: "tokenizer",
    withinLimit: tokens <= limit,
  };
}
