import { describe, expect, it } from "vitest";
import { featurize, fnv1a, MODEL_WORD, modelWords, REPEATED_LETTERS } from "./hashed-features.js";
import { predict, train } from "./linear-model.js";

const features = { bits: 10, charGrams: [3], wordBigrams: true, maxChars: 1000 };

describe("hashed features and the linear model", () => {
  it("fnv1a is the standard FNV-1a", () => {
    expect(fnv1a("a")).toBe(0xe40c292c);
  });
  it("MODEL_WORD and REPEATED_LETTERS shape the words", () => {
    expect("Héllo b!tch".match(MODEL_WORD)).toEqual(["Héllo", "b!tch"]);
    expect("cooool".replace(REPEATED_LETTERS, "$1$1")).toBe("cool");
    expect(modelWords("SOOOO good", 100)).toEqual(["soo", "good"]);
  });
  it("featurize gives sorted unique indexes with unit norm", () => {
    const vector = featurize("the cat sat on the mat", features);
    expect([...vector.indexes]).toEqual([...vector.indexes].sort((left, right) => left - right));
    const norm = Math.sqrt([...vector.values].reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 5);
  });
  it("learns a separable toy problem deterministically", () => {
    const examples = [
      ...["good great fine", "great good", "fine day good"].map((text) => ({
        vector: featurize(text, features),
        label: 0,
      })),
      ...["bad awful terrible", "awful bad", "terrible bad day"].map((text) => ({
        vector: featurize(text, features),
        label: 1,
      })),
    ];
    const options = { epochs: 20, learningRate: 0.5, l2: 0, classWeights: [1, 1], seed: 1 };
    const model = train(["good", "bad"], features.bits, examples, options);
    const again = train(["good", "bad"], features.bits, examples, options);
    expect(predict(model, featurize("awful terrible", features))[1]).toBeGreaterThan(0.8);
    expect(predict(model, featurize("good fine", features))[0]).toBeGreaterThan(0.8);
    expect([...again.weights]).toEqual([...model.weights]);
  });
});
