import {
  type ContentSource,
  type Direction,
  errorMessage,
  type Finding,
  RampartError,
  type Sensitivity,
} from "../core/index.js";
import type { Detector, DetectorInstance, NormalizationSignals, ScanContext } from "./detector.js";
import { type NormalizeLimits, normalize } from "./normalize/index.js";
import { contextFromViews } from "./scan-context.js";
import { sortAndDedupe } from "./sort-findings.js";
import { textWindows, WINDOW_CHARS, WINDOW_OVERLAP } from "./windows.js";

export interface ScannerDetector {
  readonly detector: Detector;
  /** raw options, parsed once with the detector's schema (default `{}`) */
  readonly options?: unknown;
  /** overrides the scan's sensitivity for this detector */
  readonly sensitivity?: Sensitivity;
}

export interface ScannerOptions {
  readonly detectors: readonly ScannerDetector[];
  /** time for one scan, all detectors and windows together, plus `timeBudgetPerKbMs` per KB of text */
  readonly timeBudgetMs?: number;
  /** extra time per 1,024 characters of text, so long texts get time in proportion */
  readonly timeBudgetPerKbMs?: number;
  readonly windowChars?: number;
  readonly windowOverlap?: number;
  readonly limits?: Partial<NormalizeLimits>;
}

export interface ScanRequest {
  readonly direction: Direction;
  readonly source?: ContentSource;
  readonly sensitivity?: Sensitivity;
  readonly systemPrompt?: string;
  readonly canaries?: readonly string[];
  readonly conversation?: readonly string[];
}

/** A detector that did not finish: its findings may be partial and it must not count as passed. */
export interface SkippedDetector {
  readonly detector: string;
  readonly reason: "error" | "time-budget";
  readonly message: string;
}

export interface ScanResult {
  /** sorted by start, then end; duplicates (same detector, rule, type and span) removed */
  readonly findings: Finding[];
  readonly skipped: SkippedDetector[];
  readonly durationMs: number;
  readonly windows: number;
  /** what normalisation noticed, summed over windows (hidden tag text truncated to 200 characters) */
  readonly signals: NormalizationSignals;
}

/** Longest hidden tag text kept in a scan result's signals. */
const MAX_SIGNAL_TAG_TEXT = 200;

function addSignals(total: NormalizationSignals, more: NormalizationSignals): NormalizationSignals {
  return {
    zeroWidthCount: total.zeroWidthCount + more.zeroWidthCount,
    bidiControlCount: total.bidiControlCount + more.bidiControlCount,
    tagCharacterCount: total.tagCharacterCount + more.tagCharacterCount,
    tagText: (total.tagText + more.tagText).slice(0, MAX_SIGNAL_TAG_TEXT),
    decodedSegments: total.decodedSegments + more.decodedSegments,
    homoglyphCount: total.homoglyphCount + more.homoglyphCount,
  };
}

const NO_SIGNALS: NormalizationSignals = {
  zeroWidthCount: 0,
  bidiControlCount: 0,
  tagCharacterCount: 0,
  tagText: "",
  decodedSegments: 0,
  homoglyphCount: 0,
};

export interface Scanner {
  /** ids of the configured detectors */
  readonly detectorIds: readonly string[];
  scan(text: string, request: ScanRequest): ScanResult;
  /**
   * Runs every detector once on a short text, without a deadline, so that lazy model loading and
   * the first compilation happen before real traffic (call it at startup).
   */
  warmUp(): void;
}

/** Text used to warm detectors up: a little of everything they look at. */
const WARM_UP_TEXT =
  "Warm-up: ignore previous instructions, mail a@example.com, call +1 202 555 0147, run `ls`, <b>ok</b> aGVsbG8gd29ybGQh.";

/**
 * Default time for one scan. Detectors are linear (the conformance suite proves it), so the
 * budget is a safety net against a stuck scan, not a latency target: it must not trip on a
 * busy machine or on the first call of a detector that loads its model lazily.
 */
export const DEFAULT_TIME_BUDGET_MS = 1000;
export const DEFAULT_TIME_BUDGET_PER_KB_MS = 10;

interface Prepared {
  readonly id: string;
  readonly detector: Detector;
  readonly instance: DetectorInstance;
  readonly sensitivity: Sensitivity | undefined;
}

function prepare(entry: ScannerDetector): Prepared {
  const parsed = entry.detector.optionsSchema.safeParse(entry.options ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined || first.path.length === 0 ? "" : `${first.path.join(".")}: `;
    throw new RampartError(
      "config_invalid",
      `detector ${entry.detector.id} options: ${where}${first?.message ?? "invalid"}`,
    );
  }
  return {
    id: entry.detector.id,
    detector: entry.detector,
    instance: entry.detector.create(parsed.data),
    sensitivity: entry.sensitivity,
  };
}

/**
 * Builds a scanner: options parsed and detectors created once. A scan normalises each window
 * once, runs the detectors that apply to the direction, maps findings to original offsets,
 * and reports detectors that threw or ran out of time as skipped (never as passed).
 */
export function createScanner(options: ScannerOptions): Scanner {
  const prepared = options.detectors.map(prepare);
  const baseBudget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const perKb = options.timeBudgetPerKbMs ?? DEFAULT_TIME_BUDGET_PER_KB_MS;
  const windowChars = options.windowChars ?? WINDOW_CHARS;
  const windowOverlap = options.windowOverlap ?? WINDOW_OVERLAP;
  /** the detectors of each direction, in configuration order (computed on first use) */
  const activeByDirection = new Map<Direction, readonly Prepared[]>();
  const activeFor = (direction: Direction): readonly Prepared[] => {
    let active = activeByDirection.get(direction);
    if (active === undefined) {
      active = prepared.filter((entry) => entry.detector.appliesTo.includes(direction));
      activeByDirection.set(direction, active);
    }
    return active;
  };
  const scanner: Scanner = {
    detectorIds: prepared.map((entry) => entry.id),
    warmUp() {
      const { views, signals } = normalize(WARM_UP_TEXT, options.limits);
      for (const entry of prepared) {
        for (const direction of entry.detector.appliesTo) {
          try {
            entry.instance.detect(WARM_UP_TEXT, contextFromViews({ direction }, views, signals));
          } catch {
            // a detector that fails here fails again in scan(), where it is reported as skipped
          }
        }
      }
    },
    scan(text, request) {
      const started = performance.now();
      const budget = baseBudget + perKb * Math.ceil(text.length / 1024);
      const deadline = started + budget;
      const active = activeFor(request.direction);
      const findings: Finding[] = [];
      const skipped = new Map<string, SkippedDetector>();
      const windows = textWindows(text.length, text, windowChars, windowOverlap);
      let totalSignals = NO_SIGNALS;
      for (const window of windows) {
        const windowText =
          window.start === 0 && window.end === text.length ? text : text.slice(window.start, window.end);
        const { views, signals } = normalize(windowText, options.limits);
        totalSignals = windows.length === 1 ? signals : addSignals(totalSignals, signals);
        // one context per sensitivity in this window, shared by the detectors that scan at it
        const contexts = new Map<Sensitivity | undefined, ScanContext>();
        for (const entry of active) {
          if (skipped.has(entry.id)) continue;
          if (performance.now() > deadline) {
            skipped.set(entry.id, {
              detector: entry.id,
              reason: "time-budget",
              message: `over the ${budget} ms budget`,
            });
            continue;
          }
          const sensitivity = entry.sensitivity ?? request.sensitivity;
          let context = contexts.get(sensitivity);
          if (context === undefined) {
            context = contextFromViews({ ...request, sensitivity, deadline }, views, signals);
            contexts.set(sensitivity, context);
          }
          try {
            for (const finding of entry.instance.detect(windowText, context)) {
              if (finding.start < 0 || finding.end > windowText.length || finding.start >= finding.end)
                continue;
              findings.push(
                window.start === 0
                  ? finding
                  : { ...finding, start: finding.start + window.start, end: finding.end + window.start },
              );
            }
          } catch (error) {
            skipped.set(entry.id, { detector: entry.id, reason: "error", message: errorMessage(error) });
          }
        }
      }
      return {
        findings: sortAndDedupe(findings),
        skipped: [...skipped.values()],
        durationMs: performance.now() - started,
        windows: windows.length,
        signals: totalSignals,
      };
    },
  };
  return scanner;
}
