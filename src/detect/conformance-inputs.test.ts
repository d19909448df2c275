import { describe, expect, it } from "vitest";
import {
  ADVERSARIAL_LENGTH,
  adversarialInputs,
  badInputs,
  binaryJunk,
  latin1Junk,
} from "./conformance-inputs.js";

describe("conformance inputs", () => {
  it("builds 100 KB adversarial inputs with distinct names", () => {
    const inputs = adversarialInputs();
    for (const input of inputs) expect(input.text.length).toBe(ADVERSARIAL_LENGTH);
    expect(new Set(inputs.map((input) => input.name)).size).toBe(inputs.length);
  });

  it("generates the same junk on every run, with lone surrogates in it", () => {
    expect(binaryJunk(1000)).toBe(binaryJunk(1000));
    expect(latin1Junk(1000)).toBe(latin1Junk(1000));
    expect(binaryJunk(4096).isWellFormed()).toBe(false);
  });

  it("covers empty text and broken Unicode", () => {
    const inputs = badInputs();
    expect(inputs).toContain("");
    expect(inputs.some((text) => !text.isWellFormed())).toBe(true);
  });
});
