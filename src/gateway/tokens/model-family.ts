/**
 * Which tokenizer a model name calls for. OpenAI models are counted exactly with their own BPE
 * encoding; the open model families that Rampart usually fronts (LLaMA, Qwen, Mistral) have
 * tokenizers that gpt-tokenizer does not ship, so they are approximated as the cl100k_base count
 * times a per-family factor measured on sample texts (see README.md, "Approximations").
 */
export type BpeEncodingName = "o200k_base" | "cl100k_base";

export type TokenizerFamily =
  | "openai-o200k"
  | "openai-cl100k"
  | "llama-3"
  | "llama-2"
  | "qwen"
  | "mistral"
  | "unknown";

export interface TokenizerChoice {
  readonly family: TokenizerFamily;
  readonly encoding: BpeEncodingName;
  /** multiply the encoding's count by this; 1 for exact families */
  readonly factor: number;
  /** true when the count is the model's own tokenizer's count */
  readonly exact: boolean;
}

/** Provider prefixes in model names ("openai/gpt-4o", "meta-llama/Llama-3.1-8B"): removed before matching. */
const PROVIDER_PREFIX_PATTERN = /^[^/]*\//;

/** OpenAI models on o200k_base: GPT-4o, GPT-4.1, GPT-4.5, GPT-5, the o-series, gpt-oss (o200k_harmony, same text ranks). */
const O200K_MODEL_PATTERN =
  /^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|gpt-realtime|gpt-audio|o[134](?:-|$))/;

/** OpenAI models on cl100k_base: GPT-4 (not 4o), GPT-3.5, the ada-002 and v3 embeddings. */
const CL100K_MODEL_PATTERN = /^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-(?:3|ada-002))/;

/** LLaMA 3 and 4 (tiktoken-style BPE whose first 100k ranks are cl100k_base's): "llama3.1:8b", "Meta-Llama-3-8B". */
const LLAMA_3_PATTERN = /llama[-_ .]?[34](?!\d)/;

/** Older LLaMA (SentencePiece, 32k vocabulary): LLaMA 1 and 2, Code Llama, Vicuna, Alpaca. */
const LLAMA_2_PATTERN = /llama|vicuna|alpaca/;

/** Qwen (byte-level BPE, 151k vocabulary, digits split one by one): Qwen, Qwen2, Qwen2.5, Qwen3, QwQ. */
const QWEN_PATTERN = /qwen|qwq/;

/** Mistral AI models: Mistral, Mixtral, Codestral, Ministral, Pixtral, Magistral, Devstral. */
const MISTRAL_PATTERN = /mistral|mixtral|codestral|pixtral|magistral|devstral/;

/**
 * Factors over the cl100k_base count, from the sample measurement in README.md (ratio of the
 * family's own tokenizer to cl100k_base over 149 texts). Rounded up where the families vary, so a
 * limit errs on the safe side.
 */
export const familyFactors = {
  "llama-3": 1.0,
  "llama-2": 1.25,
  qwen: 1.1,
  mistral: 1.25,
  unknown: 1.25,
} as const;

const choices: Record<TokenizerFamily, TokenizerChoice> = {
  "openai-o200k": { family: "openai-o200k", encoding: "o200k_base", factor: 1, exact: true },
  "openai-cl100k": { family: "openai-cl100k", encoding: "cl100k_base", factor: 1, exact: true },
  "llama-3": { family: "llama-3", encoding: "cl100k_base", factor: familyFactors["llama-3"], exact: false },
  "llama-2": { family: "llama-2", encoding: "cl100k_base", factor: familyFactors["llama-2"], exact: false },
  qwen: { family: "qwen", encoding: "cl100k_base", factor: familyFactors.qwen, exact: false },
  mistral: { family: "mistral", encoding: "cl100k_base", factor: familyFactors.mistral, exact: false },
  unknown: { family: "unknown", encoding: "cl100k_base", factor: familyFactors.unknown, exact: false },
};

const cache = new Map<string, TokenizerChoice>();
const maxCachedModels = 1_000;

/** The tokenizer for a model name (as the caller sent it or as routed upstream). */
export function tokenizerFor(model: string): TokenizerChoice {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const choice = choices[familyOf(model)];
  if (cache.size < maxCachedModels) cache.set(model, choice);
  return choice;
}

function familyOf(model: string): TokenizerFamily {
  const name = model.trim().toLowerCase();
  const bare = name.replace(PROVIDER_PREFIX_PATTERN, "");
  if (O200K_MODEL_PATTERN.test(bare)) return "openai-o200k";
  if (CL100K_MODEL_PATTERN.test(bare)) return "openai-cl100k";
  if (LLAMA_3_PATTERN.test(name)) return "llama-3";
  if (LLAMA_2_PATTERN.test(name)) return "llama-2";
  if (QWEN_PATTERN.test(name)) return "qwen";
  if (MISTRAL_PATTERN.test(name)) return "mistral";
  return "unknown";
}
