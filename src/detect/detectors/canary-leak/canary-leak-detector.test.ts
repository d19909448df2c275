import { describe, expect, it } from "vitest";
import { canaryLeakDetector, percentEncode } from "./canary-leak-detector.js";
import { base64Cores, canarySkeleton, SPACER_CLASS, spacedPattern } from "./canary-patterns.js";
import { testContext } from "./test-context.js";

const CANARY = "rc-7f3k9q2m8x1v";
const detector = canaryLeakDetector.create(canaryLeakDetector.optionsSchema.parse({}));

function scan(text: string, canaries: string[] = [CANARY]) {
  return detector.detect(text, testContext(text, { canaries }));
}

describe("canary-leak", () => {
  it("finds a verbatim canary with its span", () => {
    const text = `My marker is ${CANARY}.`;
    const [finding] = scan(text);
    expect(finding?.rule).toBe("verbatim");
    expect(text.slice(finding?.start, finding?.end)).toBe(CANARY);
    expect(finding?.excerpt).not.toContain(CANARY);
  });

  it("finds a case-changed canary", () => {
    expect(scan(`TOKEN ${CANARY.toUpperCase()}`).map((finding) => finding.rule)).toContain("case-folded");
  });

  it("finds a spaced-out canary", () => {
    const text = `here: ${Array.from(CANARY).join(" ")} done`;
    expect(scan(text).map((finding) => finding.rule)).toContain("spaced");
  });

  it("finds a canary inside a base64 payload at every alignment", () => {
    for (const prefix of ["", "a", "ab", "abc "]) {
      const encoded = Buffer.from(`${prefix}${CANARY} trailing`).toString("base64");
      expect(scan(`payload ${encoded}`).some((finding) => finding.rule === "encoded")).toBe(true);
    }
  });

  it("does not flag an answer without the canary, nor short canaries", () => {
    expect(scan("A normal answer about rc cars and 7f3k engines.")).toEqual([]);
    expect(scan("abc appears here", ["abc"])).toEqual([]);
    expect(scan("nothing planted", [])).toEqual([]);
  });

  it("finds hex and percent-encoded copies", () => {
    for (const text of [
      `hex: ${Buffer.from(CANARY).toString("hex").toUpperCase()}`,
      "url: rc%2D7f3k9q2m8x1v",
    ]) {
      expect(scan(text).map((finding) => finding.rule)).toContain("encoded");
    }
  });

  it("uses the normaliser's decoded views", () => {
    const text = `the payload is ${Buffer.from(`secret ${CANARY} end`).toString("hex")}`;
    const findings = detector.detect(text, testContext(text, { canaries: [CANARY], normalized: true }));
    expect(findings.some((finding) => finding.rule === "encoded")).toBe(true);
  });

  it("uses configured static canaries", () => {
    const configured = canaryLeakDetector.create(
      canaryLeakDetector.optionsSchema.parse({ canaries: ["STATIC-CANARY-42"] }),
    );
    const text = "leak STATIC-CANARY-42";
    expect(configured.detect(text, testContext(text))).toHaveLength(1);
  });

  it("stays bounded on a huge adversarial input", () => {
    const text = `${"r c - 7 f 3 k ".repeat(8000)}${"A".repeat(50_000)}`;
    const findings = scan(text);
    for (const finding of findings) expect(finding.end).toBeLessThanOrEqual(text.length);
  });
});

describe("canary patterns", () => {
  it("SPACER_CLASS allows up to three separators", () => {
    expect(new RegExp(`a${SPACER_CLASS}b`).test("a - b")).toBe(true);
    expect(new RegExp(`^a${SPACER_CLASS}b$`).test("a    b")).toBe(false);
  });
  it("canarySkeleton keeps letters and digits", () => {
    expect(canarySkeleton("rc-7f_3")).toBe("rc7f3");
  });
  it("spacedPattern skips very short skeletons", () => {
    expect(spacedPattern("a-b")).toBeUndefined();
  });
  it("percentEncode encodes everything but letters and digits", () => {
    expect(percentEncode("Rc-7.x")).toBe("rc%2d7%2ex");
  });
  it("base64Cores gives three stable cores", () => {
    expect(base64Cores(CANARY)).toHaveLength(3);
  });
});
