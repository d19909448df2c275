import { describe, expect, it } from "vitest";
import { runDetectorConformance } from "../../conformance.js";
import { createScanContext } from "../../scan-context.js";
import { repetitionDetector } from "./repetition-detector.js";

runDetectorConformance(repetitionDetector, {
  positives: [
    Array.from({ length: 40 }, () => "banana").join(" "),
    `Sure! ${Array.from({ length: 30 }, () => "good night").join(" ")}`,
    Array.from({ length: 6 }, () => "The quick brown fox jumps over the lazy dog again.").join(" "),
    "z".repeat(300),
  ],
  negatives: [
    "Here is a short answer about sorting algorithms: quicksort, mergesort and heapsort differ in stability.",
    "| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |",
    `const zeros = [${Array.from({ length: 64 }, () => "0").join(", ")}];`,
    "Ho ho ho, merry Christmas! Na na na, hey hey, goodbye.",
    "=".repeat(400),
  ],
  adversarial: ["a ".repeat(50_000), "ab ab abc ".repeat(10_000), "x".repeat(100_000)],
});

describe("repetition", () => {
  const detect = (text: string, sensitivity: "low" | "medium" | "high" = "medium") =>
    repetitionDetector
      .create(repetitionDetector.optionsSchema.parse({}))
      .detect(text, createScanContext(text, { direction: "output", sensitivity }));

  it("reports the unit, its length and the whole run", () => {
    const text = `Intro. ${Array.from({ length: 20 }, () => "hello world").join(" ")} End.`;
    const [finding] = detect(text);
    expect(finding).toMatchObject({
      rule: "repetition.words",
      category: "unbounded-output",
      excerpt: "hello world",
    });
    expect(text.slice(finding?.start, finding?.end)).toBe(
      Array.from({ length: 20 }, () => "hello world").join(" "),
    );
  });

  it("needs more repeats at low sensitivity and fewer at high", () => {
    const twelve = Array.from({ length: 12 }, () => "spam spam eggs").join(" ");
    expect(detect(twelve, "high")).toHaveLength(1);
    expect(
      detect(`${twelve} and then a normal ending to the sentence, which goes on for a while longer.`, "low"),
    ).toEqual([]);
  });

  it("catches a run inside one stream window (about 260 characters)", () => {
    const window = Array.from({ length: 40 }, () => "company")
      .join(" ")
      .slice(0, 264);
    expect(detect(window)).toHaveLength(1);
  });
});
