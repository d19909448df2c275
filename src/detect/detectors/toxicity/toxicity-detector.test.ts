import { describe, expect, it } from "vitest";
import { testContext } from "../canary-leak/test-context.js";
import {
  AMBIGUOUS_TERMS,
  CHARACTER_RUN,
  foldToken,
  LEET_MAP,
  LEXICON_TOKEN,
  lexiconTokens,
  lookupKeys,
  termKey,
} from "./lexicon.js";
import { OBFUSCATED_WORD } from "./obfuscation.js";
import { SENTENCE_END, segmentText } from "./segments.js";
import { toxicityDetector } from "./toxicity-detector.js";

const detector = toxicityDetector.create(toxicityDetector.optionsSchema.parse({}));
function scan(text: string, normalized = false) {
  return detector.detect(text, testContext(text, { normalized, direction: "input" }));
}

describe("toxicity", () => {
  it("reports explicit profanity with its span and a masked excerpt", () => {
    const text = "You are a fucking idiot.";
    const [finding] = scan(text);
    expect(finding?.rule).toBe("explicit");
    expect(text.slice(finding?.start, finding?.end)).toBe("fucking");
    expect(finding?.excerpt).not.toContain("fucking");
  });

  it.each(["sh1t happens", "fuuuuck this", "You stupid b!tch", "go beat your meat"])(
    "resists obfuscation: %s",
    (text) => {
      expect(scan(text).map((finding) => finding.rule)).toContain("explicit");
    },
  );

  it("types slurs separately from profanity", () => {
    expect(scan("shut up you f4ggot").some((finding) => finding.type === "slur")).toBe(true);
  });

  it("reports implicit abuse without profanity", () => {
    const findings = scan("women are too stupid to vote");
    expect(findings.map((finding) => finding.rule)).toEqual(["implicit"]);
    expect(scan("I hope you die")[0]?.type).toBe("hate");
  });

  it.each([
    "How do I kill a Python process?",
    "Here is a recipe for banana bread with walnuts.",
    "To shoot a good photo, use the rule of thirds.",
    "The Scunthorpe United score was 2-1.",
    "Please review the pull request before Friday.",
  ])("does not flag benign text: %s", (text) => {
    expect(scan(text)).toEqual([]);
  });

  it("needs the model's agreement for ambiguous terms", () => {
    expect(scan("The farmer keeps a rooster, a cock, in the yard with the hens.")).toEqual([]);
  });

  it("can turn the implicit rule off", () => {
    const explicitOnly = toxicityDetector.create(toxicityDetector.optionsSchema.parse({ implicit: false }));
    const text = "women are too stupid to vote";
    expect(explicitOnly.detect(text, testContext(text))).toEqual([]);
  });

  it("stays bounded on huge and adversarial input", () => {
    for (const text of [
      "f u c k ".repeat(20_000),
      "a".repeat(200_000),
      "sh1t ".repeat(20_000),
      "\uD800".repeat(50_000),
    ]) {
      for (const finding of scan(text)) expect(finding.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("toxicity patterns", () => {
  it("LEET_MAP and foldToken fold obfuscated words", () => {
    expect(LEET_MAP["1"]).toBe("i");
    expect(foldToken("Sh1T")).toBe("shit");
    expect(foldToken("f*ck")).toBe("fck");
    expect(foldToken("1984")).toBe("1984");
  });
  it("LEXICON_TOKEN and lexiconTokens keep symbols inside words", () => {
    const text = "b!tch, f*ck... ‘héllo’ x_y- sh1t*";
    const scanned: string[] = [];
    lexiconTokens(text, (raw) => scanned.push(raw));
    expect(scanned).toEqual(["b!tch", "f*ck", "héllo", "x_y", "sh1t"]);
    expect("b!tch, f*ck".match(LEXICON_TOKEN)).toEqual(["b!tch", "f*ck"]);
  });
  it("CHARACTER_RUN and lookupKeys collapse runs to one and two", () => {
    expect("aaab".replace(CHARACTER_RUN, "$1")).toBe("ab");
    expect(lookupKeys("fuuuck")).toEqual(["fuuck", "fuck"]);
  });
  it("termKey is stable and distinguishes terms", () => {
    expect(termKey("beat my meat")).toBe(termKey("beat my meat"));
    expect(termKey("beat my")).not.toBe(termKey("beat my meat"));
  });
  it("AMBIGUOUS_TERMS holds ordinary words", () => {
    expect(AMBIGUOUS_TERMS.has("cock")).toBe(true);
  });
  it("OBFUSCATED_WORD spots hidden words", () => {
    expect(OBFUSCATED_WORD.test("sh1t")).toBe(true);
    expect(OBFUSCATED_WORD.test("plain words only")).toBe(false);
    for (const hidden of ["b!tch", "f*ck.", "a$$hole", "motherf*cker", "$hit", "@ss"])
      expect(OBFUSCATED_WORD.test(hidden), hidden).toBe(true);
    // mail and ids are not disguised words
    for (const plain of ["write to john@example.com", "commit a1b2c3d4", "user@host.example.org"])
      expect(OBFUSCATED_WORD.test(plain), plain).toBe(false);
  });
  it("SENTENCE_END and segmentText cut long text", () => {
    expect("a. b! c".match(SENTENCE_END)).toEqual([".", "!"]);
    const segments = segmentText("x".repeat(700), 300);
    expect(segments.map(([start, end]) => end - start)).toEqual([300, 300, 100]);
  });
});
