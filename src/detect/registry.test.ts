import { describe, expect, it } from "vitest";
import { categories } from "../core/index.js";
import { builtInDetectors, detectorsFor, getDetector, knownDetectorIds } from "./registry.js";

describe("detector registry", () => {
  it("finds a detector by id", () => {
    expect(getDetector("invisible-text").category).toBe("invisible-text");
  });

  it("throws a config_invalid error that lists the known ids for an unknown id", () => {
    expect(() => getDetector("nope")).toThrow(
      `unknown detector "nope" (known: ${knownDetectorIds().join(", ")})`,
    );
    try {
      getDetector("nope");
    } catch (error) {
      expect(error).toMatchObject({ code: "config_invalid" });
    }
  });

  it("keys every detector by its own id, with a known category and directions", () => {
    for (const [id, detector] of builtInDetectors) {
      expect(detector.id).toBe(id);
      expect(categories).toContain(detector.category);
      expect(detector.appliesTo.length).toBeGreaterThan(0);
    }
    expect(knownDetectorIds()).toEqual([...knownDetectorIds()].sort());
  });

  it("registers onnx-classifier as an opt-in input detector that needs a model folder", () => {
    const detector = getDetector("onnx-classifier");
    expect(detector).toMatchObject({ category: "prompt-injection", appliesTo: ["input"], optIn: true });
    expect(detector.optionsSchema.safeParse({}).success).toBe(false);
    expect(detectorsFor("prompt-injection", "input").map((entry) => entry.id)).toContain("onnx-classifier");
  });

  it("selects detectors by category and direction", () => {
    expect(detectorsFor("invisible-text", "input").map((detector) => detector.id)).toEqual([
      "invisible-text",
    ]);
    expect(detectorsFor("invisible-text", "output").map((detector) => detector.id)).toEqual([
      "invisible-text",
    ]);
  });
});
