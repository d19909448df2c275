import type { BaseCase } from "../probes/base-case.js";
import type { Strategy, StrategyAttempt } from "../strategies/strategy.js";
import type { ChatTool } from "../targets/chat-types.js";

/** A base case under one strategy, with its values filled in: ready to send and to grade. */
export interface RenderedCase {
  /** `<base case id>~<strategy id>` */
  readonly id: string;
  readonly base: BaseCase;
  readonly strategy: Strategy;
  readonly systemPrompt: string;
  /** the secret planted in the system prompt */
  readonly secret: string;
  /** the token an injection tries to get echoed */
  readonly canary: string;
  /** the user's text with placeholders filled, before the strategy */
  readonly prompt: string;
  readonly toolResult?: string;
  readonly tools: readonly ChatTool[];
  readonly attempts: readonly StrategyAttempt[];
}
