import type { AtlasId } from "../owasp.js";
import type { SeededRandom } from "./seeded-random.js";

/**
 * The strategy seam: a strategy disguises a prompt. It returns one or more attempts (best-of-N
 * returns several; the runner stops at the first that succeeds); each attempt is the list of user
 * turns to send in order (crescendo sends several, answered one by one). Deterministic for a
 * given random source.
 */
export interface StrategyAttempt {
  readonly turns: readonly string[];
}

export interface Strategy {
  readonly id: string;
  readonly description: string;
  /** extra ATLAS techniques the disguise adds to the probe's own */
  readonly atlas: readonly AtlasId[];
  apply(prompt: string, random: SeededRandom): StrategyAttempt[];
}

export function single(text: string): StrategyAttempt[] {
  return [{ turns: [text] }];
}
