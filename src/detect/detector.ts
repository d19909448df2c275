import type { z } from "zod";
import type { Category, ContentSource, Direction, Finding, Sensitivity } from "../core/index.js";

/**
 * A view of the scanned text produced by normalisation. View 0 is always the original text.
 * Other views are the folded text (NFKC, homoglyphs, leetspeak, joined spaced letters, invisible
 * characters removed) and decoded segments (base64, hex, rot13, URL encoding, Unicode tags).
 * `toOriginal` maps a span in `text` back to a span in the original text (UTF-16 offsets).
 */
export interface TextView {
  readonly kind: "original" | "normalized" | "decoded";
  readonly text: string;
  /** how the view was reached, for decoded and normalised views: "base64", "unicode-tags", "nfkc"... */
  readonly via?: string;
  toOriginal(start: number, end: number): readonly [number, number];
}

/** What normalisation noticed about the text, whatever the detectors decide. */
export interface NormalizationSignals {
  readonly zeroWidthCount: number;
  readonly bidiControlCount: number;
  readonly tagCharacterCount: number;
  /** hidden text carried by Unicode tag characters, decoded */
  readonly tagText: string;
  readonly decodedSegments: number;
  readonly homoglyphCount: number;
}

export interface ScanContext {
  readonly direction: Direction;
  readonly source: ContentSource;
  readonly sensitivity: Sensitivity;
  /** the operator's system prompt, when known (output checks for prompt leaks) */
  readonly systemPrompt?: string;
  /** canary tokens planted in the system prompt by the gateway */
  readonly canaries?: readonly string[];
  /** earlier text of the conversation (exfiltration checks look for it in URLs) */
  readonly conversation?: readonly string[];
  /** normalised and decoded views of the text; views[0] is the original */
  readonly views: readonly TextView[];
  readonly signals: NormalizationSignals;
  /** performance.now() value after which a detector should stop and return what it has */
  readonly deadline: number;
}

/**
 * A configured detector, ready to scan. `detect` must be deterministic and must not throw on any string.
 *
 * A detector that needs asynchronous work (a model run by a native runtime, such as onnx-classifier)
 * implements `detectAsync`: the engine then calls it from `Scanner.scanAsync` only, and a synchronous
 * `Scanner.scan` reports the detector as skipped (never as passed). Such a detector's `detect` throws,
 * so that any other synchronous caller fails instead of passing the text.
 */
export interface DetectorInstance {
  detect(text: string, context: ScanContext): Finding[];
  /** the asynchronous scan; same contract as `detect` (spans in `text`, deterministic, never rejects on any string) */
  detectAsync?(text: string, context: ScanContext): Promise<Finding[]>;
  /**
   * Loads what `detectAsync` needs (a model, a native runtime). Memoised; rejects with a
   * RampartError that names the file or package at fault. `Scanner.warmUpAsync` awaits it, so a
   * wrong model folder stops start-up.
   */
  load?(): Promise<void>;
}

/**
 * Thrown by a detector that reached the scan's deadline before it could answer (a model still
 * running over a long text): the engine reports it as skipped with reason `time-budget`.
 */
export class DetectorTimeBudgetError extends Error {
  override readonly name = "DetectorTimeBudgetError";
}

/**
 * The detector seam. One folder per detector under src/detect/detectors/<id>/; each exports one
 * Detector and runs the shared conformance suite in its test.
 */
export interface Detector<Options = unknown> {
  readonly id: string;
  readonly category: Category;
  /** directions the detector is meant for */
  readonly appliesTo: readonly Direction[];
  readonly description: string;
  /** the options schema; defaults are filled in by parsing `{}` (an opt-in detector may require options) */
  readonly optionsSchema: z.ZodType<Options>;
  /**
   * Opt-in: never part of the default policy, a policy enables it by name with its options (it needs
   * files the operator supplies, such as a model folder).
   */
  readonly optIn?: boolean;
  /**
   * Options that name files or folders: a relative path in a policy file is resolved against that
   * file's folder (an inline policy's, against the configuration file's) when the policy loads.
   */
  readonly pathOptions?: readonly string[];
  create(options: Options): DetectorInstance;
}
