import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Finding } from "../core/index.js";
import { type Detector, DetectorTimeBudgetError } from "./detector.js";
import { invisibleTextDetector } from "./detectors/invisible-text/index.js";
import { createScanner } from "./engine.js";
import { textWindows } from "./windows.js";

/** A test detector that reports every occurrence of a word, in the original or any view. */
function wordDetector(word: string, directions: Detector["appliesTo"] = ["input", "output"]): Detector {
  return {
    id: `word-${word}`,
    category: "prompt-injection",
    appliesTo: directions,
    description: `finds ${word}`,
    optionsSchema: z.strictObject({ score: z.number().min(0).max(1).default(0.9) }),
    create(options) {
      const { score } = z.strictObject({ score: z.number() }).parse(options);
      return {
        detect(_text, context) {
          const findings: Finding[] = [];
          for (const view of context.views) {
            let index = view.text.indexOf(word);
            while (index !== -1) {
              const [start, end] = view.toOriginal(index, index + word.length);
              findings.push({
                detector: `word-${word}`,
                category: "prompt-injection",
                rule: "word",
                start,
                end,
                score,
                severity: "high",
                ...(view.via === "original" ? {} : { via: view.via }),
              });
              index = view.text.indexOf(word, index + 1);
            }
          }
          return findings;
        },
      };
    },
  };
}

function throwingDetector(): Detector {
  return {
    id: "broken",
    category: "toxicity",
    appliesTo: ["input"],
    description: "always throws",
    optionsSchema: z.object({}),
    create: () => ({
      detect() {
        throw new Error("model file missing");
      },
    }),
  };
}

function slowDetector(milliseconds: number): Detector {
  return {
    id: "slow",
    category: "toxicity",
    appliesTo: ["input"],
    description: "busy-waits",
    optionsSchema: z.object({}),
    create: () => ({
      detect() {
        const until = performance.now() + milliseconds;
        while (performance.now() < until) {
          // busy wait: simulates a detector that overruns
        }
        return [];
      },
    }),
  };
}

/**
 * A test detector that answers only asynchronously: it finds a word after `delayMs` (never when
 * `delayMs` is Infinity), or rejects with `error`. `load` counts its calls and may reject.
 */
function asyncWordDetector(
  word: string,
  behaviour: { delayMs?: number; error?: Error; loadError?: Error; loads?: { count: number } } = {},
): Detector {
  return {
    id: `async-${word}`,
    category: "prompt-injection",
    appliesTo: ["input"],
    description: `finds ${word} asynchronously`,
    optionsSchema: z.object({}),
    create: () => ({
      detect() {
        throw new Error("asynchronous only");
      },
      async load() {
        if (behaviour.loads) behaviour.loads.count++;
        if (behaviour.loadError) throw behaviour.loadError;
      },
      async detectAsync(text) {
        const delayMs = behaviour.delayMs ?? 0;
        if (delayMs === Number.POSITIVE_INFINITY) return new Promise<Finding[]>(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (behaviour.error) throw behaviour.error;
        const findings: Finding[] = [];
        for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + 1)) {
          findings.push({
            detector: `async-${word}`,
            category: "prompt-injection",
            rule: "word",
            start: index,
            end: index + word.length,
            score: 0.95,
            severity: "high",
          });
        }
        return findings;
      },
    }),
  };
}

describe("createScanner", () => {
  it("normalises once and finds text hidden in views, with spans in the original", () => {
    const scanner = createScanner({ detectors: [{ detector: wordDetector("ignore") }] });
    const text = "please i g n o r e this";
    const result = scanner.scan(text, { direction: "input" });
    expect(result.findings).toHaveLength(1);
    expect(text.slice(result.findings[0]?.start, result.findings[0]?.end)).toBe("i g n o r e");
    expect(result.skipped).toEqual([]);
    expect(scanner.scan("a\u200bb\u202e", { direction: "input" }).signals).toMatchObject({
      zeroWidthCount: 1,
      bidiControlCount: 1,
    });
  });

  it("runs only the detectors that apply to the direction", () => {
    const scanner = createScanner({ detectors: [{ detector: wordDetector("ignore", ["output"]) }] });
    expect(scanner.scan("ignore", { direction: "input" }).findings).toEqual([]);
    expect(scanner.scan("ignore", { direction: "output" }).findings).toHaveLength(1);
  });

  it("gives long texts time in proportion to their length", () => {
    const scanner = createScanner({
      detectors: [{ detector: slowDetector(30) }, { detector: wordDetector("ignore") }],
      timeBudgetMs: 5,
      timeBudgetPerKbMs: 200,
    });
    expect(scanner.scan(`ignore ${"x".repeat(8 * 1024)}`, { direction: "input" }).skipped).toEqual([]);
  });

  it("records a detector that throws as skipped, and keeps the others' findings", () => {
    const scanner = createScanner({
      detectors: [{ detector: throwingDetector() }, { detector: wordDetector("ignore") }],
    });
    const result = scanner.scan("ignore that", { direction: "input" });
    expect(result.skipped).toEqual([{ detector: "broken", reason: "error", message: "model file missing" }]);
    expect(result.findings.map((finding) => finding.detector)).toEqual(["word-ignore"]);
  });

  it("records detectors that run out of the time budget as skipped, never as passed", () => {
    const scanner = createScanner({
      detectors: [{ detector: slowDetector(30) }, { detector: wordDetector("ignore") }],
      timeBudgetMs: 5,
      timeBudgetPerKbMs: 0,
    });
    const result = scanner.scan("ignore", { direction: "input" });
    expect(result.skipped).toEqual([
      { detector: "word-ignore", reason: "time-budget", message: "over the 5 ms budget" },
    ]);
  });

  it("warms every detector up once per direction, and survives a detector that throws", () => {
    let calls = 0;
    const counting: Detector = {
      ...wordDetector("x"),
      create: () => ({
        detect() {
          calls++;
          return [];
        },
      }),
    };
    const scanner = createScanner({ detectors: [{ detector: counting }, { detector: throwingDetector() }] });
    scanner.warmUp();
    expect(calls).toBe(2);
  });

  it("scans long inputs in overlapping windows and maps findings to original offsets", () => {
    const scanner = createScanner({
      detectors: [{ detector: wordDetector("needle") }],
      windowChars: 1000,
      windowOverlap: 100,
    });
    const filler = "x".repeat(995);
    const text = `${filler}needle${"y".repeat(3000)}needle`;
    const result = scanner.scan(text, { direction: "input" });
    expect(result.windows).toBeGreaterThan(3);
    expect(result.findings.map((finding) => finding.start)).toEqual([995, text.length - 6]);
  });

  it("dedupes the same finding from two views and sorts by position", () => {
    const scanner = createScanner({
      detectors: [{ detector: wordDetector("ignore") }, { detector: wordDetector("aa") }],
    });
    // "ignore" is in the original and in the folded view; "1gn0re" only in the folded view
    const result = scanner.scan("aa ignore 1gn0re", { direction: "input" });
    expect(result.findings.map((finding) => [finding.detector, finding.start])).toEqual([
      ["word-aa", 0],
      ["word-ignore", 3],
      ["word-ignore", 10],
    ]);
  });

  it("rejects invalid detector options with the detector id and the option path", () => {
    expect(() =>
      createScanner({ detectors: [{ detector: wordDetector("x"), options: { score: 2 } }] }),
    ).toThrow(/detector word-x options: score:/);
  });

  it("gives bounded answers on empty text, lone surrogates and 10 MB of text", () => {
    const scanner = createScanner({ detectors: [{ detector: invisibleTextDetector }], timeBudgetMs: 60_000 });
    expect(scanner.scan("", { direction: "input" }).findings).toEqual([]);
    expect(scanner.scan("\uD800x\uDC00", { direction: "input" }).findings).toEqual([]);
    const huge = `${"benign words ".repeat(800_000)}\u202Eend`;
    const result = scanner.scan(huge, { direction: "input" });
    expect(result.skipped).toEqual([]);
    expect(result.findings.map((finding) => [finding.rule, finding.start])).toEqual([
      ["bidi-override", huge.length - 4],
    ]);
  }, 60_000);
});

describe("createScanner: asynchronous detectors", () => {
  it("awaits asynchronous detectors in scanAsync and merges their findings with the others'", async () => {
    const scanner = createScanner({
      detectors: [
        { detector: asyncWordDetector("ignore", { delayMs: 5 }) },
        { detector: wordDetector("aa") },
      ],
    });
    expect(scanner.hasAsync("input")).toBe(true);
    expect(scanner.hasAsync("output")).toBe(false);
    const result = await scanner.scanAsync("aa ignore aa", { direction: "input" });
    expect(result.skipped).toEqual([]);
    expect(result.findings.map((finding) => [finding.detector, finding.start])).toEqual([
      ["word-aa", 0],
      ["async-ignore", 3],
      ["word-aa", 10],
    ]);
  });

  it("reports an asynchronous-only detector as skipped in the synchronous scan, never as passed", () => {
    const scanner = createScanner({
      detectors: [{ detector: asyncWordDetector("ignore") }, { detector: wordDetector("ignore") }],
    });
    const result = scanner.scan("ignore", { direction: "input" });
    expect(result.skipped).toEqual([
      {
        detector: "async-ignore",
        reason: "error",
        message: "async-ignore needs the asynchronous scan (scanAsync); the synchronous scan cannot run it",
      },
    ]);
    expect(result.findings.map((finding) => finding.detector)).toEqual(["word-ignore"]);
  });

  it("runs asynchronous detectors on every window and shifts their findings to whole-text offsets", async () => {
    const scanner = createScanner({
      detectors: [{ detector: asyncWordDetector("needle") }],
      windowChars: 1000,
      windowOverlap: 100,
    });
    const text = `${"x".repeat(995)}needle${"y".repeat(3000)}needle`;
    const result = await scanner.scanAsync(text, { direction: "input" });
    expect(result.windows).toBeGreaterThan(3);
    expect(result.findings.map((finding) => finding.start)).toEqual([995, text.length - 6]);
  });

  it("records a rejecting asynchronous detector as skipped (error) and keeps the others' findings", async () => {
    const scanner = createScanner({
      detectors: [
        { detector: asyncWordDetector("x", { error: new Error("model folder missing") }) },
        { detector: wordDetector("ignore") },
      ],
    });
    const result = await scanner.scanAsync("ignore x", { direction: "input" });
    expect(result.skipped).toEqual([
      { detector: "async-x", reason: "error", message: "model folder missing" },
    ]);
    expect(result.findings.map((finding) => finding.detector)).toEqual(["word-ignore"]);
  });

  it("reports a DetectorTimeBudgetError as time-budget, in both scans", async () => {
    const stopped: Detector = {
      ...wordDetector("x"),
      id: "stopped",
      create: () => ({
        detect() {
          throw new DetectorTimeBudgetError("scored 1 of 4 windows");
        },
      }),
    };
    const scanner = createScanner({
      detectors: [{ detector: stopped }],
      timeBudgetMs: 50,
      timeBudgetPerKbMs: 0,
    });
    expect(scanner.scan("x", { direction: "input" }).skipped).toEqual([
      { detector: "stopped", reason: "time-budget", message: "over the 50 ms budget: scored 1 of 4 windows" },
    ]);
    const asynchronous = createScanner({
      detectors: [{ detector: asyncWordDetector("x", { error: new DetectorTimeBudgetError("late") }) }],
      timeBudgetMs: 50,
      timeBudgetPerKbMs: 0,
    });
    expect((await asynchronous.scanAsync("x", { direction: "input" })).skipped).toMatchObject([
      { detector: "async-x", reason: "time-budget" },
    ]);
  });

  it("stops waiting for an asynchronous detector at the deadline and reports it as time-budget", async () => {
    const scanner = createScanner({
      detectors: [
        { detector: asyncWordDetector("never", { delayMs: Number.POSITIVE_INFINITY }) },
        { detector: wordDetector("ignore") },
      ],
      timeBudgetMs: 30,
      timeBudgetPerKbMs: 0,
    });
    const started = performance.now();
    const result = await scanner.scanAsync("ignore", { direction: "input" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.skipped).toEqual([
      { detector: "async-never", reason: "time-budget", message: "over the 30 ms budget (no answer yet)" },
    ]);
    expect(result.findings.map((finding) => finding.detector)).toEqual(["word-ignore"]);
  });

  it("does not start an asynchronous detector after the deadline", async () => {
    const scanner = createScanner({
      detectors: [{ detector: slowDetector(30) }, { detector: asyncWordDetector("ignore") }],
      timeBudgetMs: 5,
      timeBudgetPerKbMs: 0,
      windowChars: 100,
      windowOverlap: 10,
    });
    // the slow detector overruns in the first window; the asynchronous one then never starts
    const result = await scanner.scanAsync(`${"ignore ".repeat(40)}`, { direction: "input" });
    expect(result.skipped).toContainEqual({
      detector: "async-ignore",
      reason: "time-budget",
      message: "over the 5 ms budget",
    });
  });

  it("gives the synchronous scan's answer when no detector of the direction is asynchronous", async () => {
    const scanner = createScanner({
      detectors: [{ detector: wordDetector("ignore") }, { detector: asyncWordDetector("x") }],
    });
    expect(scanner.hasAsync("output")).toBe(false);
    const text = "ignore i g n o r e";
    const { durationMs: _a, ...asynchronous } = await scanner.scanAsync(text, { direction: "output" });
    const { durationMs: _b, ...synchronous } = scanner.scan(text, { direction: "output" });
    expect(asynchronous).toEqual(synchronous);
    expect(synchronous.findings).toHaveLength(2);
  });

  it("warmUp starts loading asynchronous detectors; warmUpAsync waits and fails with the detector's error", async () => {
    const loads = { count: 0 };
    const scanner = createScanner({ detectors: [{ detector: asyncWordDetector("x", { loads }) }] });
    scanner.warmUp();
    expect(loads.count).toBe(1);
    await scanner.warmUpAsync();
    expect(loads.count).toBe(3);
    const failing = createScanner({
      detectors: [
        { detector: asyncWordDetector("x", { loadError: new Error("no model.onnx in /models/x") }) },
      ],
    });
    failing.warmUp(); // never throws, never leaves an unhandled rejection
    await expect(failing.warmUpAsync()).rejects.toThrow("no model.onnx in /models/x");
  });
});

describe("createScanner: windows (property test)", () => {
  it("finds a word planted anywhere in a long text at its original offset", () => {
    const scanner = createScanner({
      detectors: [{ detector: wordDetector("needle") }],
      windowChars: 500,
      windowOverlap: 50,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 3000 }), (before, after) => {
        const text = `${"ab ".repeat(before).slice(0, before)}needle${"😀".repeat(after)}`;
        const starts = scanner.scan(text, { direction: "input" }).findings.map((finding) => finding.start);
        expect(starts).toEqual([before]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("textWindows", () => {
  it("covers the text with overlapping windows that never split a surrogate pair", () => {
    const text = "😀".repeat(600);
    const windows = textWindows(text.length, text, 101, 10);
    expect(windows[0]?.start).toBe(0);
    expect(windows.at(-1)?.end).toBe(text.length);
    for (const [index, window] of windows.entries()) {
      expect(window.start % 2).toBe(0);
      expect(window.end % 2).toBe(0);
      if (index > 0) expect(window.start).toBeLessThan(windows[index - 1]?.end ?? 0);
    }
  });

  it("keeps short texts in one window", () => {
    expect(textWindows(5, "hello")).toEqual([{ start: 0, end: 5 }]);
  });
});
