/**
 * Local completion-token counting for streams whose upstream sends no usage (or that end early,
 * when the usage chunk never comes). The gateway can inject a real tokenizer; the default is the
 * usual approximation of one token per four characters, rounded up per counted piece.
 */
export type TokenCounter = (text: string) => number;

/** Characters per token in the default approximation (English text with BPE vocabularies). */
const CHARACTERS_PER_TOKEN = 4;

export const approximateTokenCount: TokenCounter = (text) =>
  text.length === 0 ? 0 : Math.ceil(text.length / CHARACTERS_PER_TOKEN);
