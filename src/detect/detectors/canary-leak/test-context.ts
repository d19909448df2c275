import type { ScanContext } from "../../detector.js";
import { normalize } from "../../normalize/index.js";

/**
 * Builds a ScanContext for detector tests with the real normaliser's views. Shared by the
 * output-safety and toxicity detector tests.
 */
export function testContext(
  text: string,
  extra: Partial<Pick<ScanContext, "systemPrompt" | "canaries" | "conversation" | "direction">> = {},
): ScanContext {
  const { views, signals } = normalize(text);
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
