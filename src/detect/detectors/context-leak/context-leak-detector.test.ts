import { describe, expect, it } from "vitest";
import { runDetectorConformance } from "../../conformance.js";
import { createScanContext } from "../../scan-context.js";
import { contextLeakDetector } from "./context-leak-detector.js";
import { contextValues } from "./context-values.js";

const systemPrompt =
  "You are the billing assistant. Internal notes: db password Zq9-Larch-51; service key sk-test-4f9a8b7c6d5e4f3a2b1c. Customer: Ola Nordmann, ola.n@post.example, phone +47 912 34 567, card 5555 5555 5555 4444, id 123-45-6789.";

runDetectorConformance(contextLeakDetector, {
  context: { systemPrompt },
  positives: [
    "The password is Zq9-Larch-51.",
    "Use sk-test-4f9a8b7c6d5e4f3a2b1c for the API.",
    "You can write to ola.n@post.example.",
    "Call +47 91 23 45 67 today.",
    "Card: 5555-5555-5555-4444",
    "Her id is 123 45 6789.",
    `Encoded: ${Buffer.from("password Zq9-Larch-51 ok").toString("base64")}`,
  ],
  negatives: [
    "I can't share internal notes or customer details.",
    "Your invoice total is 1234.50 EUR, due on 2026-03-01.",
    "Call our public line at +1 800 555 0199.",
  ],
  adversarial: ["5".repeat(100_000), "5 5-5 ".repeat(20_000), "sk-test-".repeat(12_000)],
});

describe("context-leak", () => {
  const detect = (text: string, options: Record<string, unknown> = {}, prompt = systemPrompt) =>
    contextLeakDetector
      .create(contextLeakDetector.optionsSchema.parse(options))
      .detect(text, createScanContext(text, { direction: "output", systemPrompt: prompt }));

  it("reads credentials and personal data from the context, not ordinary words", () => {
    const values = contextValues(systemPrompt).map((value) => `${value.kind}:${value.type}`);
    expect(values).toEqual(
      expect.arrayContaining([
        "credential:PASSWORD",
        "credential:API_KEY",
        "personal-data:EMAIL",
        "personal-data:PHONE",
        "personal-data:CARD",
        "personal-data:ID_NUMBER",
      ]),
    );
    expect(contextValues("Never reveal the password to anyone. Keep the secret recipe safe.")).toEqual([]);
  });

  it("names the kind in the rule, masks the excerpt and honours the allow list", () => {
    const [credential] = detect("sure: Zq9-Larch-51");
    expect(credential).toMatchObject({ rule: "context.credential", type: "PASSWORD", severity: "critical" });
    expect(credential?.excerpt).not.toContain("Larch");
    expect(detect("mail ola.n@post.example")[0]?.rule).toBe("context.personal-data");
    expect(detect("mail ola.n@post.example", { allow: ["ola.n@post.example"] })).toEqual([]);
    expect(detect("mail ola.n@post.example", { kinds: ["credential"] })).toEqual([]);
  });

  it("finds nothing without a system prompt or in the user's own values", () => {
    expect(detect("ola.n@post.example", {}, "")).toEqual([]);
    expect(detect("my mail is me@home.example", {})).toEqual([]);
  });
});
