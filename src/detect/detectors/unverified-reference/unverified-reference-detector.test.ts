import { describe, expect, it } from "vitest";
import { runDetectorConformance } from "../../conformance.js";
import { createScanContext } from "../../scan-context.js";
import { unverifiedReferenceDetector } from "./unverified-reference-detector.js";

runDetectorConformance(unverifiedReferenceDetector, {
  positives: [
    "Install it with pip install quicksilver-orm-tools and import it.",
    "The npm package left-pad-ultra-3 does exactly that.",
    "Call Array.prototype.flattenEverything() on the list.",
    "Use os.path.safejoin(base, name) to build the path.",
    "As shown by Moreau and Lindqvist 2020, Adaptive Lattice Routing, the effect is large.",
    "Add django-magicforms to your settings.",
  ],
  negatives: [
    "Install it with pip install requests and call requests.get(url).",
    "Use Array.prototype.flat() and os.path.join(base, name).",
    "Run npm install express-session, then read fs.readFileSync('a.txt').",
    "In June 2021 the team moved to Windows 2019 servers.",
    "Your package manager can list what is installed.",
  ],
  adversarial: [
    "pip install a-".repeat(7_000),
    "Smith and Jones 2020, ".repeat(5_000),
    "Array.prototype.".repeat(6_000),
  ],
});

describe("unverified-reference", () => {
  const detect = (text: string, options: Record<string, unknown> = {}) =>
    unverifiedReferenceDetector
      .create(unverifiedReferenceDetector.optionsSchema.parse(options))
      .detect(text, createScanContext(text, { direction: "output" }));

  it("reports the first mention of each name, typed by kind", () => {
    const findings = detect(
      "Use torch-quantumcache. torch-quantumcache is fast. Then String.prototype.toTitle() and Nakamura et al. (2022).",
    );
    expect(findings.map((finding) => [finding.type, finding.excerpt])).toEqual([
      ["PACKAGE", "torch-quantumcache"],
      ["API", "String.prototype.toTitle"],
      ["CITATION", "Nakamura et al. (2022)"],
    ]);
  });

  it("checks Node's built-ins against the running Node", () => {
    expect(detect("fs.promises.readFile and crypto.randomUUID")).toEqual([]);
    expect(detect("crypto.makeSecretKeyNow()")[0]?.message).toContain(`Node ${process.versions.node}`);
  });

  it("accepts the operator's own packages and the kinds it asks for", () => {
    expect(detect("pip install acme-internal-sdk", { knownPackages: ["acme-internal-sdk"] })).toEqual([]);
    expect(detect("Smith and Jones 2020 showed it.", { kinds: ["package"] })).toEqual([]);
  });
});
