import type { ScanContext, TextView } from "../../detector.js";
import { normalize } from "../../normalize/index.js";

export interface TestContextExtra
  extends Partial<Pick<ScanContext, "systemPrompt" | "canaries" | "conversation" | "direction">> {
  /** run the real normaliser to get folded and decoded views; otherwise only the original view */
  readonly normalized?: boolean;
}

const NO_SIGNALS = {
  zeroWidthCount: 0,
  bidiControlCount: 0,
  tagCharacterCount: 0,
  tagText: "",
  decodedSegments: 0,
  homoglyphCount: 0,
};

/** Builds a ScanContext for detector tests. Shared by the output-safety and toxicity detector tests. */
export function testContext(text: string, extra: TestContextExtra = {}): ScanContext {
  const original: TextView = { kind: "original", text, toOriginal: (start, end) => [start, end] };
  const { views, signals } = extra.normalized ? normalize(text) : { views: [original], signals: NO_SIGNALS };
  return {
    direction: extra.direction ?? "output",
    source: "assistant",
    sensitivity: "medium",
    systemPrompt: extra.systemPrompt,
    canaries: extra.canaries,
    conversation: extra.conversation,
    views,
    signals,
    deadline: Number.POSITIVE_INFINITY,
  };
}
