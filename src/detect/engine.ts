import {
  type ContentSource,
  type Direction,
  errorMessage,
  type Finding,
  RampartError,
  type Sensitivity,
} from "../core/index.js";
import {
  type Detector,
  type DetectorInstance,
  DetectorTimeBudgetError,
  type NormalizationSignals,
  type ScanContext,
  type TextView,
} from "./detector.js";
import { type NormalizeLimits, normalize } from "./normalize/index.js";
import { contextFromViews } from "./scan-context.js";
import { sortAndDedupe } from "./sort-findings.js";
import { type TextWindow, textWindows, WINDOW_CHARS, WINDOW_OVERLAP } from "./windows.js";

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
  /**
   * Runs the synchronous detectors. A detector that can only answer asynchronously (it implements
   * `detectAsync`) is reported in `skipped` (reason "error"): call `scanAsync` when `hasAsync` says so.
   */
  scan(text: string, request: ScanRequest): ScanResult;
  /**
   * The same scan with the asynchronous detectors awaited: same windows, deadline and skip
   * reporting; the synchronous detectors run while the asynchronous ones compute. With no
   * asynchronous detector for the direction it returns `scan`'s result.
   */
  scanAsync(text: string, request: ScanRequest): Promise<ScanResult>;
  /** true when a detector of this direction needs `scanAsync` (cached per direction) */
  hasAsync(direction: Direction): boolean;
  /**
   * Runs every detector once on a short text, without a deadline, so that lazy model loading and
   * the first compilation happen before real traffic (call it at startup). Asynchronous detectors
   * only start loading here; `warmUpAsync` waits for them.
   */
  warmUp(): void;
  /**
   * `warmUp`, then loads and runs the asynchronous detectors. Rejects with the detector's own error
   * (a RampartError naming the model folder or the missing package) so that start-up fails early.
   */
  warmUpAsync(): Promise<void>;
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

interface AsyncPrepared extends Prepared {
  readonly detectAsync: (text: string, context: ScanContext) => Promise<Finding[]>;
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

function isAsync(entry: Prepared): boolean {
  return typeof entry.instance.detectAsync === "function";
}

/** The entry with its instance's `detectAsync` bound, when it has one. */
function asAsync(entry: Prepared): AsyncPrepared[] {
  const detectAsync = entry.instance.detectAsync;
  return detectAsync === undefined ? [] : [{ ...entry, detectAsync: detectAsync.bind(entry.instance) }];
}

function skipFor(id: string, error: unknown, budget: number): SkippedDetector {
  return error instanceof DetectorTimeBudgetError
    ? { detector: id, reason: "time-budget", message: `over the ${budget} ms budget: ${error.message}` }
    : { detector: id, reason: "error", message: errorMessage(error) };
}

/** Keeps a window's findings that lie inside it, shifted to whole-text offsets. */
function collect(findings: Finding[], found: readonly Finding[], windowStart: number, windowLength: number) {
  for (const finding of found) {
    if (finding.start < 0 || finding.end > windowLength || finding.start >= finding.end) continue;
    findings.push(
      windowStart === 0
        ? finding
        : { ...finding, start: finding.start + windowStart, end: finding.end + windowStart },
    );
  }
}

/** What one scan carries from window to window. */
interface ScanState {
  readonly request: ScanRequest;
  readonly deadline: number;
  readonly budget: number;
  readonly findings: Finding[];
  readonly skipped: Map<string, SkippedDetector>;
}

/** One context per sensitivity in a window, shared by the detectors that scan at it. */
function contextFor(
  state: ScanState,
  contexts: Map<Sensitivity | undefined, ScanContext>,
  entry: Prepared,
  views: readonly TextView[],
  signals: NormalizationSignals,
): ScanContext {
  const sensitivity = entry.sensitivity ?? state.request.sensitivity;
  let context = contexts.get(sensitivity);
  if (context === undefined) {
    context = contextFromViews({ ...state.request, sensitivity, deadline: state.deadline }, views, signals);
    contexts.set(sensitivity, context);
  }
  return context;
}

/** False (and the detector recorded as skipped) when it was skipped before or the deadline has passed. */
function mayStart(state: ScanState, entry: Prepared): boolean {
  if (state.skipped.has(entry.id)) return false;
  if (performance.now() > state.deadline) {
    state.skipped.set(entry.id, {
      detector: entry.id,
      reason: "time-budget",
      message: `over the ${state.budget} ms budget`,
    });
    return false;
  }
  return true;
}

/** Runs the synchronous detectors over one window. */
function runSyncDetectors(
  state: ScanState,
  active: readonly Prepared[],
  window: TextWindow,
  windowText: string,
  views: readonly TextView[],
  signals: NormalizationSignals,
  contexts: Map<Sensitivity | undefined, ScanContext>,
): void {
  for (const entry of active) {
    if (!mayStart(state, entry)) continue;
    const context = contextFor(state, contexts, entry, views, signals);
    try {
      collect(state.findings, entry.instance.detect(windowText, context), window.start, windowText.length);
    } catch (error) {
      state.skipped.set(entry.id, skipFor(entry.id, error, state.budget));
    }
  }
}

/**
 * Resolves after `milliseconds` (at least 0). The timer is referenced on purpose: a CLI scan whose
 * model never answers must wait for it and report the detector, not exit with nothing written.
 */
function delay(milliseconds: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, milliseconds));
  });
  return { promise, cancel: () => clearTimeout(timer) };
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
  /** the synchronous and asynchronous detectors of each direction, in configuration order */
  const activeByDirection = new Map<
    Direction,
    { readonly sync: readonly Prepared[]; readonly async: readonly AsyncPrepared[] }
  >();
  const activeFor = (direction: Direction) => {
    let active = activeByDirection.get(direction);
    if (active === undefined) {
      const applies = prepared.filter((entry) => entry.detector.appliesTo.includes(direction));
      active = {
        sync: applies.filter((entry) => !isAsync(entry)),
        async: applies.flatMap(asAsync),
      };
      activeByDirection.set(direction, active);
    }
    return active;
  };
  const budgetFor = (text: string) => baseBudget + perKb * Math.ceil(text.length / 1024);
  const textWindowsOf = (text: string) => textWindows(text.length, text, windowChars, windowOverlap);
  const windowTextOf = (text: string, window: TextWindow) =>
    window.start === 0 && window.end === text.length ? text : text.slice(window.start, window.end);

  const scanner: Scanner = {
    detectorIds: prepared.map((entry) => entry.id),
    hasAsync: (direction) => activeFor(direction).async.length > 0,
    warmUp() {
      const { views, signals } = normalize(WARM_UP_TEXT, options.limits);
      for (const entry of prepared) {
        if (isAsync(entry)) {
          // starts loading the model in the background; scanAsync waits for it, warmUpAsync reports it
          entry.instance.load?.().catch(() => undefined);
          continue;
        }
        for (const direction of entry.detector.appliesTo) {
          try {
            entry.instance.detect(WARM_UP_TEXT, contextFromViews({ direction }, views, signals));
          } catch {
            // a detector that fails here fails again in scan(), where it is reported as skipped
          }
        }
      }
    },
    async warmUpAsync() {
      scanner.warmUp();
      const { views, signals } = normalize(WARM_UP_TEXT, options.limits);
      for (const entry of prepared.flatMap(asAsync)) {
        await entry.instance.load?.();
        for (const direction of entry.detector.appliesTo) {
          try {
            await entry.detectAsync(WARM_UP_TEXT, contextFromViews({ direction }, views, signals));
          } catch {
            // loaded but failing on this text: scanAsync reports it as skipped
          }
        }
      }
    },
    scan(text, request) {
      const started = performance.now();
      const budget = budgetFor(text);
      const { sync, async } = activeFor(request.direction);
      const state: ScanState = {
        request,
        deadline: started + budget,
        budget,
        findings: [],
        skipped: new Map<string, SkippedDetector>(),
      };
      for (const entry of async) {
        state.skipped.set(entry.id, {
          detector: entry.id,
          reason: "error",
          message: `${entry.id} needs the asynchronous scan (scanAsync); the synchronous scan cannot run it`,
        });
      }
      const windows = textWindowsOf(text);
      let totalSignals = NO_SIGNALS;
      for (const window of windows) {
        const windowText = windowTextOf(text, window);
        const { views, signals } = normalize(windowText, options.limits);
        totalSignals = windows.length === 1 ? signals : addSignals(totalSignals, signals);
        runSyncDetectors(state, sync, window, windowText, views, signals, new Map());
      }
      return {
        findings: sortAndDedupe(state.findings),
        skipped: [...state.skipped.values()],
        durationMs: performance.now() - started,
        windows: windows.length,
        signals: totalSignals,
      };
    },
    async scanAsync(text, request) {
      const { sync, async } = activeFor(request.direction);
      if (async.length === 0) return scanner.scan(text, request);
      const started = performance.now();
      const budget = budgetFor(text);
      const state: ScanState = {
        request,
        deadline: started + budget,
        budget,
        findings: [],
        skipped: new Map<string, SkippedDetector>(),
      };
      const windows = textWindowsOf(text);
      let totalSignals = NO_SIGNALS;
      for (const window of windows) {
        const windowText = windowTextOf(text, window);
        const { views, signals } = normalize(windowText, options.limits);
        totalSignals = windows.length === 1 ? signals : addSignals(totalSignals, signals);
        const contexts = new Map<Sensitivity | undefined, ScanContext>();
        // the asynchronous detectors start first, so that their model runs while the others scan
        const pending: { entry: AsyncPrepared; settled: boolean; done: Promise<void> }[] = [];
        for (const entry of async) {
          if (!mayStart(state, entry)) continue;
          const context = contextFor(state, contexts, entry, views, signals);
          const item = { entry, settled: false, done: Promise.resolve() };
          let running: Promise<Finding[]>;
          try {
            running = entry.detectAsync(windowText, context);
          } catch (error) {
            running = Promise.reject(error);
          }
          item.done = running.then(
            (found) => {
              item.settled = true;
              if (!state.skipped.has(entry.id))
                collect(state.findings, found, window.start, windowText.length);
            },
            (error: unknown) => {
              item.settled = true;
              if (!state.skipped.has(entry.id)) state.skipped.set(entry.id, skipFor(entry.id, error, budget));
            },
          );
          pending.push(item);
        }
        runSyncDetectors(state, sync, window, windowText, views, signals, contexts);
        if (pending.length === 0) continue;
        // the deadline bounds the wait: a model that does not answer in time is skipped, never passed
        const timer = delay(state.deadline - performance.now());
        await Promise.race([Promise.all(pending.map((item) => item.done)), timer.promise]);
        timer.cancel();
        for (const item of pending) {
          if (item.settled || state.skipped.has(item.entry.id)) continue;
          state.skipped.set(item.entry.id, {
            detector: item.entry.id,
            reason: "time-budget",
            message: `over the ${budget} ms budget (no answer yet)`,
          });
        }
      }
      return {
        findings: sortAndDedupe(state.findings),
        skipped: [...state.skipped.values()],
        durationMs: performance.now() - started,
        windows: windows.length,
        signals: totalSignals,
      };
    },
  };
  return scanner;
}
