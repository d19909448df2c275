import { describe, expect, it } from "vitest";
import { categories, type Finding, findingSchema } from "../core/index.js";
import { adversarialInputs, badInputs, TEN_MEGABYTES } from "./conformance-inputs.js";
import type { Detector, DetectorInstance } from "./detector.js";
import { createScanContext, type ScanContextInput } from "./scan-context.js";

/** A fixture: a text, or a text with the context it needs (a system prompt, canaries...). */
export type ConformanceFixture = string | { readonly text: string; readonly context?: FixtureContext };

export type FixtureContext = Partial<Omit<ScanContextInput, "limits" | "deadline">>;

export interface ConformanceOptions {
  /** texts on which the detector must report at least one finding */
  readonly positives: readonly ConformanceFixture[];
  /** benign texts on which it must report nothing */
  readonly negatives: readonly ConformanceFixture[];
  /** raw options, parsed with the detector's options schema (default `{}`) */
  readonly options?: unknown;
  /** direction to scan in (default: the first direction the detector applies to) */
  readonly direction?: ScanContextInput["direction"];
  /** context shared by every fixture (fixture context overrides it) */
  readonly context?: FixtureContext;
  /** extra adversarial inputs built for this detector's patterns (each must complete) */
  readonly adversarial?: readonly string[];
  /**
   * The detector cannot run without options (an opt-in detector's model folder): the declaration
   * check parses `options` instead of `{}` and checks that `{}` is refused.
   */
  readonly requiresOptions?: boolean;
}

/** Hard guard on each adversarial `it`: a catastrophic-backtracking pattern never finishes in it. */
export const ADVERSARIAL_TIMEOUT_MS = 10_000;
/** The 10 MB run is linear work; this only stops a runaway. */
const HUGE_INPUT_TIMEOUT_MS = 120_000;
/** Kebab-case detector ids: "prompt-injection", "pii". */
const DETECTOR_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The shared conformance suite every detector passes. Registers vitest blocks; call it at the
 * top level of the detector's test file:
 * `runDetectorConformance(myDetector, { positives: [...], negatives: [...] })`.
 * A detector with `detectAsync` is run through it (awaited); others through `detect`.
 */
export function runDetectorConformance(detector: Detector, suite: ConformanceOptions): void {
  const direction = suite.direction ?? detector.appliesTo[0] ?? "input";
  const createInstance = (): DetectorInstance =>
    detector.create(detector.optionsSchema.parse(suite.options ?? {}));
  const run = async (instance: DetectorInstance, fixture: ConformanceFixture): Promise<Finding[]> => {
    const text = fixtureText(fixture);
    const fixtureContext = typeof fixture === "string" ? undefined : fixture.context;
    const context = createScanContext(text, { direction, ...suite.context, ...fixtureContext });
    return instance.detectAsync === undefined
      ? instance.detect(text, context)
      : instance.detectAsync(text, context);
  };
  const checkFindings = (text: string, findings: readonly Finding[]): void => {
    for (const finding of findings) {
      const parsed = findingSchema.safeParse(finding);
      expect(parsed.success, `finding does not parse: ${JSON.stringify(finding)}`).toBe(true);
      expect(finding.detector).toBe(detector.id);
      expect(finding.category).toBe(detector.category);
      expect(finding.start, `span ${finding.start}-${finding.end}`).toBeGreaterThanOrEqual(0);
      expect(finding.start, `span ${finding.start}-${finding.end}`).toBeLessThan(finding.end);
      expect(finding.end, `span ${finding.start}-${finding.end}`).toBeLessThanOrEqual(text.length);
    }
  };

  describe(`detector conformance: ${detector.id}`, () => {
    it("declares a kebab-case id, a known category, directions and default options", () => {
      expect(detector.id).toMatch(DETECTOR_ID_PATTERN);
      expect(categories).toContain(detector.category);
      expect(detector.appliesTo.length).toBeGreaterThan(0);
      expect(detector.appliesTo).toContain(direction);
      expect(detector.description.length).toBeGreaterThan(0);
      if (suite.requiresOptions === true) {
        expect(detector.optionsSchema.safeParse({}).success).toBe(false);
        expect(detector.optionsSchema.safeParse(suite.options).success).toBe(true);
      } else {
        expect(detector.optionsSchema.safeParse({}).success).toBe(true);
      }
      expect(suite.positives.length).toBeGreaterThan(0);
      expect(suite.negatives.length).toBeGreaterThan(0);
    });

    it("reports at least one finding on every positive fixture", async () => {
      const instance = createInstance();
      const missed: ConformanceFixture[] = [];
      for (const fixture of suite.positives) {
        if ((await run(instance, fixture)).length === 0) missed.push(fixture);
      }
      expect(missed.map(fixtureText)).toEqual([]);
    });

    it("reports nothing on benign fixtures", async () => {
      const instance = createInstance();
      const flagged: string[] = [];
      for (const fixture of suite.negatives) {
        const findings = await run(instance, fixture);
        if (findings.length === 0) continue;
        flagged.push(`${fixtureText(fixture).slice(0, 80)} -> ${findings.map((f) => f.rule).join(",")}`);
      }
      expect(flagged).toEqual([]);
    });

    it("is deterministic: the same input gives the same findings, on one instance and on a fresh one", async () => {
      const instance = createInstance();
      for (const fixture of [...suite.positives, ...suite.negatives]) {
        const first = await run(instance, fixture);
        expect(await run(instance, fixture)).toEqual(first);
        expect(await run(createInstance(), fixture)).toEqual(first);
      }
    });

    it("reports findings that parse, carry its id and category, and have spans inside the text", async () => {
      const instance = createInstance();
      for (const fixture of [...suite.positives, ...suite.negatives]) {
        checkFindings(fixtureText(fixture), await run(instance, fixture));
      }
    });

    it("does not throw on empty text, lone surrogates or binary junk", async () => {
      const instance = createInstance();
      for (const text of badInputs()) checkFindings(text, await run(instance, text));
    });

    it(
      "does not throw on 10 MB of text",
      async () => {
        const instance = createInstance();
        const positive = fixtureText(suite.positives[0] ?? "");
        const filler = fixtureText(suite.negatives[0] ?? "lorem ipsum ");
        const text = `${filler} ${positive} `.repeat(
          Math.ceil(TEN_MEGABYTES / (filler.length + positive.length + 2)),
        );
        checkFindings(text, await run(instance, text));
      },
      HUGE_INPUT_TIMEOUT_MS,
    );

    const adversarial = [
      ...adversarialInputs(),
      ...(suite.adversarial ?? []).map((text, index) => ({
        name: `detector-specific #${index + 1}`,
        text,
      })),
    ];
    for (const input of adversarial) {
      it(
        `completes on a 100 KB adversarial input (${input.name}), ReDoS guard`,
        async () => {
          const instance = createInstance();
          checkFindings(input.text, await run(instance, input.text));
        },
        ADVERSARIAL_TIMEOUT_MS,
      );
    }
  });
}

function fixtureText(fixture: ConformanceFixture): string {
  return typeof fixture === "string" ? fixture : fixture.text;
}
