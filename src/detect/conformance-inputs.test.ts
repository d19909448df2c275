import { describe, expect, it } from "vitest";
import {
  ADVERSARIAL_LENGTH,
  adversarialInputs,
  badInputs,
  binaryJunk,
  latin1Junk,
} from "./conformance-inputs.js";

/** A high surrogate without a low one after it, or a low one without a high one before it. */
const LONE_SURROGATE_PATTERN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("conformance inputs", () => {
  it("builds 100 KB adversarial inputs with distinct names", () => {
    const inputs = adversarialInputs();
    for (const input of inputs) expect(input.text.length).toBe(ADVERSARIAL_LENGTH);
    expect(new Set(inputs.map((input) => input.name)).size).toBe(inputs.length);
  });

  it("generates the same junk on every run, with lone surrogates in it", () => {
    expect(binaryJunk(1000)).toBe(binaryJunk(1000));
    expect(latin1Junk(1000)).toBe(latin1Junk(1000));
    expect(LONE_SURROGATE_PATTERN.test(binaryJunk(4096))).toBe(true);
  });

  it("covers empty text and broken Unicode", () => {
    const inputs = badInputs();
    expect(inputs).toContain("");
    expect(inputs.some((text) => LONE_SURROGATE_PATTERN.test(text))).toBe(true);
  });
});
