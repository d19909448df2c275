import type { ContentSource, Direction, Sensitivity } from "../core/index.js";
import type { NormalizationSignals, ScanContext, TextView } from "./detector.js";
import { type NormalizeLimits, normalize } from "./normalize/index.js";

/** What a caller says about a text; the rest of the ScanContext is computed. */
export interface ScanContextInput {
  readonly direction: Direction;
  readonly source?: ContentSource;
  readonly sensitivity?: Sensitivity;
  readonly systemPrompt?: string;
  readonly canaries?: readonly string[];
  readonly conversation?: readonly string[];
  /** performance.now() value after which detectors should stop; default: no deadline */
  readonly deadline?: number;
  readonly limits?: Partial<NormalizeLimits>;
}

/** Builds a ScanContext from views that were already computed (the engine normalises once). */
export function contextFromViews(
  input: ScanContextInput,
  views: readonly TextView[],
  signals: NormalizationSignals,
): ScanContext {
  return {
    direction: input.direction,
    source: input.source ?? (input.direction === "output" ? "assistant" : "user"),
    sensitivity: input.sensitivity ?? "medium",
    ...(input.systemPrompt === undefined ? {} : { systemPrompt: input.systemPrompt }),
    ...(input.canaries === undefined ? {} : { canaries: input.canaries }),
    ...(input.conversation === undefined ? {} : { conversation: input.conversation }),
    views,
    signals,
    deadline: input.deadline ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * Normalises `text` and builds the ScanContext a detector sees. Tests and tools that call one
 * detector directly use this; the engine does the same once per window for all detectors.
 */
export function createScanContext(text: string, input: ScanContextInput): ScanContext {
  const { views, signals } = normalize(text, input.limits);
  return contextFromViews(input, views, signals);
}
