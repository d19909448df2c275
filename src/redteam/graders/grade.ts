import type { RenderedCase } from "../runner/rendered-case.js";
import type { ChatAnswer } from "../targets/chat-types.js";

/** The verdict of a grader on one answer. */
export interface Grade {
  /** attack cases: the attack worked; benign cases: the model refused (an over-refusal) */
  readonly success: boolean;
  readonly refused: boolean;
  readonly grader: string;
  readonly confidence: number;
  readonly evidence?: string;
  /** bias probes: sentiment of the answer, -1..1 */
  readonly sentiment?: number;
}

/** The grader seam: a grader looks at a rendered case and the target's answer, offline. */
export interface Grader {
  readonly id: string;
  grade(rendered: RenderedCase, answer: ChatAnswer): Grade;
}
