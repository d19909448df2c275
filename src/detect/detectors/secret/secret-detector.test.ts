import { describe, expect, it } from "vitest";
import { runDetectorConformance } from "../../conformance.js";
import { createScanContext } from "../../scan-context.js";
import { secretCatalogue } from "./catalogue.js";
import { secretDetector } from "./secret-detector.js";
import { secretOptionsSchema } from "./secret-options.js";
import { BASE64, catalogueSamples, HEX, randomBody } from "./test-tokens.js";

function scan(text: string, options: unknown = {}) {
  const instance = secretDetector.create(secretOptionsSchema.parse(options));
  return instance.detect(text, createScanContext(text, { direction: "input" }));
}

const samples = catalogueSamples();

const benign = [
  "How do I rotate my AWS access keys every 90 days?",
  "Set OPENAI_API_KEY in your environment, for example export OPENAI_API_KEY=<your-key>.",
  "aws_access_key_id = AKIAIOSFODNN7EXAMPLE and aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "password = ${DB_PASSWORD}",
  "api_key: your_api_key_here",
  "token = 'xxxxxxxxxxxxxxxxxxxxxxxx'",
  "secret: changeme",
  "The commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed it; sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.",
  "request_id = 123e4567-e89b-12d3-a456-426614174000",
  "api_key = 5d41402abc4b2a76b9719d911017c592",
  "Use pk_live_ keys in the browser only: pk_live_51H8abcDEFghiJKLmnoPQRstuVWXyz",
  "postgres://user:password@localhost:5432/db",
  "password_length = 32 and token_url = https://example.org/oauth/token",
  "My password is very secret, I will not tell you.",
];

runDetectorConformance(secretDetector, {
  positives: Object.values(samples),
  negatives: benign,
  adversarial: [
    "-----BEGIN PRIVATE KEY-----".repeat(4000),
    `password=${"a".repeat(100_000)}`,
    "xoxb-".repeat(20_000),
    `eyJ${"A".repeat(50_000)}.eyJ${"B".repeat(40_000)}`,
    "postgres://a:".repeat(8000),
    "curl -u ".repeat(12_000),
    "AIza".repeat(25_000),
  ],
});

describe("secret catalogue", () => {
  it("has a realistic sample for every format, and each sample is found by its own format", () => {
    const missing = secretCatalogue
      .filter((format) => samples[format.id] === undefined)
      .map((format) => format.id);
    expect(missing).toEqual([]);
    const wrong = Object.entries(samples)
      .filter(([id, text]) => !scan(text).some((finding) => finding.rule === id))
      .map(
        ([id, text]) =>
          `${id}: ${
            scan(text)
              .map((finding) => finding.rule)
              .join(",") || "nothing"
          } in ${text.slice(0, 60)}`,
      );
    expect(wrong).toEqual([]);
  });

  it("uses unique kebab-case ids, a description, and bounded patterns with the d and g flags", () => {
    const ids = secretCatalogue.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const format of secretCatalogue) {
      expect(format.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(format.description.length).toBeGreaterThan(10);
      expect(format.pattern !== undefined || format.find !== undefined).toBe(true);
      if (format.pattern) expect(format.pattern.flags).toContain("d");
      // every quantifier is bounded: no unescaped + or * and no open {n,} outside character classes
      const outsideClasses = format.pattern?.source.replace(/\\./g, "").replace(/\[[^\]]*\]/g, "") ?? "";
      expect(outsideClasses, format.id).not.toMatch(/[+*]|\{\d+,\}/);
    }
  });
});

describe("secret detector", () => {
  it("masks the evidence: the excerpt never contains the secret", () => {
    const token = `ghp_${randomBody(36, 500)}`;
    const [finding] = scan(`token ${token} here`);
    expect(finding?.rule).toBe("github-token");
    expect(finding?.excerpt).toBeDefined();
    expect(finding?.excerpt).not.toContain(token.slice(4, 30));
    expect(finding?.start).toBe(6);
    expect(finding?.end).toBe(6 + token.length);
  });

  it("reports the secret value's span, not the key name", () => {
    const value = randomBody(40, 501, BASE64);
    const text = `aws_secret_access_key = ${value}`;
    const [finding] = scan(text);
    expect(text.slice(finding?.start, finding?.end)).toBe(value);
  });

  it("does not report Stripe publishable keys, and rates test-mode secret keys lower than live ones", () => {
    expect(scan(`pk_live_${randomBody(99, 502)}`)).toEqual([]);
    expect(scan(`sk_test_${randomBody(99, 503)}`)[0]?.severity).toBe("medium");
    expect(scan(`sk_live_${randomBody(99, 503)}`)[0]?.severity).toBe("critical");
  });

  it("requires a JWT header that decodes to JSON with alg", () => {
    const fake = `eyJ${randomBody(30, 504)}.eyJ${randomBody(30, 505)}.${randomBody(30, 506)}`;
    expect(scan(fake).filter((finding) => finding.rule === "jwt")).toEqual([]);
  });

  it("does not report a PEM header without a body, or with a placeholder body", () => {
    expect(scan("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")).toEqual([]);
    expect(
      scan('"private_key": "-----BEGIN PRIVATE KEY-----\\n<your key>\\n-----END PRIVATE KEY-----\\n"'),
    ).toEqual([]);
  });

  it("finds a service-account private_key with escaped newlines inside JSON", () => {
    const body = Array.from({ length: 4 }, (_, index) => randomBody(64, 510 + index, BASE64)).join("\\n");
    const text = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n"}`;
    expect(scan(text).map((finding) => finding.rule)).toEqual(["private-key"]);
  });

  it("skips generic values that are hashes, UUIDs, code references or base64 of words", () => {
    expect(scan(`secret = ${randomBody(40, 520, HEX)}`)).toEqual([]);
    expect(scan("client_secret = os.environ.get_secret")).toEqual([]);
    expect(scan(`api_key = ${Buffer.from("dummy text data data data").toString("base64")}`)).toEqual([]);
  });

  it("skips URL passwords that are templates or repeat the user name", () => {
    expect(scan("mysql://mysql:mysql@localhost:3306/db")).toEqual([]);
    expect(scan("postgres://$(PGUSER):$(PGPASSWORD)@host/db")).toEqual([]);
    expect(scan("mongodb+srv://app:{password}@cluster0.example.net")).toEqual([]);
  });

  it("applies operator allowlists, disabled rules and extra patterns", () => {
    const token = `ghp_${randomBody(36, 530)}`;
    expect(scan(token, { allowlist: { values: [token] } })).toEqual([]);
    expect(scan(token, { allowlist: { patterns: ["^ghp_"] } })).toEqual([]);
    expect(scan(token, { disabledRules: ["github-token"] })).toEqual([]);
    const extra = scan("internal key ACME-1234-ABCD-9876", {
      patterns: [{ id: "acme-key", regex: "ACME-\\d{4}-[A-Z]{4}-\\d{4}", keywords: ["acme-"] }],
    });
    expect(extra.map((finding) => finding.rule)).toEqual(["acme-key"]);
  });

  it("rejects an invalid operator pattern when options are parsed", () => {
    expect(secretOptionsSchema.safeParse({ patterns: [{ id: "bad", regex: "(" }] }).success).toBe(false);
  });

  it("scans the original view even when given normalised text", () => {
    const token = `ghp_${randomBody(36, 540)}`;
    const text = `x ${token}`;
    const instance = secretDetector.create(secretOptionsSchema.parse({}));
    const findings = instance.detect("normalised", createScanContext(text, { direction: "output" }));
    expect(findings[0]?.start).toBe(2);
  });
});
