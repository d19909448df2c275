export { isEncodingLoaded, preloadEncoding } from "./bpe-encodings.js";
export type { CountableContentPart, CountableMessage } from "./chat-messages.js";
export {
  type BpeEncodingName,
  familyFactors,
  type TokenizerChoice,
  type TokenizerFamily,
  tokenizerFor,
} from "./model-family.js";
export {
  countChatTokens,
  countPromptTokens,
  countTextTokens,
  DEFAULT_EXACT_MAX_CHARS,
  estimateChatTokens,
  estimateTextTokens,
  type PromptTokenCount,
  preloadTokenizer,
} from "./token-counter.js";
export { estimateTokens } from "./token-estimator.js";
