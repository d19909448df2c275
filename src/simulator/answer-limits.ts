/**
 * Bounds on one answer, so that no request can make the simulator build an answer that eats the
 * memory (a stream holds one frame of about 250 bytes per token until it is sent).
 */

/** The most tokens one answer carries over all its choices; a longer reply is cut with finish_reason `length`. */
export const MAX_ANSWER_TOKENS = 100_000;

/** The most choices one completion answer has (prompts times `n`); more is a 400. */
export const MAX_ANSWER_CHOICES = 64;

/** The tokens one choice may carry: its share of MAX_ANSWER_TOKENS, or less when the request asks for less. */
export function choiceTokenBudget(requested: number | null | undefined, choiceCount: number): number {
  const share = Math.max(1, Math.floor(MAX_ANSWER_TOKENS / choiceCount));
  return requested === null || requested === undefined ? share : Math.min(requested, share);
}
