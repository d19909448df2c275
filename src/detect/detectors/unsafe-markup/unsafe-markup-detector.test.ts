import { describe, expect, it } from "vitest";
import { testContext } from "../canary-leak/test-context.js";
import { unsafeMarkupDetector } from "./unsafe-markup-detector.js";

const detector = unsafeMarkupDetector.create(unsafeMarkupDetector.optionsSchema.parse({}));
function rules(text: string): string[] {
  return detector.detect(text, testContext(text)).map((finding) => finding.rule);
}

describe("unsafe-markup", () => {
  it.each([
    ["<script>alert(1)</script>", "script-tag"],
    ["<SCRIPT SRC=//x.example/a.js></SCRIPT>", "script-tag"],
    ['<img src=x onerror="alert(1)">', "event-handler"],
    ["<svg/onload=alert(1)>", "event-handler"],
    ['<a href="javascript:alert(1)">x</a>', "script-url"],
    ['<a href="java&#x09;script&colon;alert(1)">x</a>', "script-url"],
    ['<a href="vbscript:msgbox(1)">x</a>', "script-url"],
    ["[click](javascript:alert(document.cookie))", "script-url"],
    ["[ref]: javascript:alert(1)", "script-url"],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data-html-url"],
    ["![x](data:image/svg+xml;base64,PHN2Zz4=)", "data-html-url"],
    ['<iframe src="https://x.example"></iframe>', "iframe"],
    ['<embed src="x.swf">', "object-embed"],
    ['<object data="x.swf"></object>', "object-embed"],
    ['<div style="width: expression(alert(1))">', "style-injection"],
    ['<div style="background:url(javascript:alert(1))">', "style-injection"],
    ["<style>@import url(https://x.example/a.css);</style>", "style-injection"],
    ['<meta http-equiv="refresh" content="0;url=https://x.example">', "meta-refresh"],
  ])("flags %s as %s", (text, rule) => {
    expect(rules(`Here you go:\n${text}`)).toContain(rule);
  });

  it("gives spans that cover the tag", () => {
    const text = 'ok <img src=x onerror="alert(1)"> end';
    const [finding] = detector.detect(text, testContext(text));
    expect(text.slice(finding?.start, finding?.end)).toBe('<img src=x onerror="alert(1)">');
  });

  it.each([
    '```html\n<script src="/app.js"></script>\n<img src=x onerror="hide()">\n```',
    "Use `<script>` tags sparingly and never `javascript:` URLs.",
    'A normal image: <img src="https://example.org/logo.png" alt="logo" width="120">',
    "[MDN](https://developer.mozilla.org/en-US/docs/Web/JavaScript) explains javascript: URLs.",
    "If 3 < 4 and 5 > 2 then the online form works.",
    '<b>bold</b> and <i>italic</i> and <a href="https://example.com/?a=1&b=2">link</a>',
    'Set the attribute like `onclick="save()"` in your template.',
  ])("does not flag benign text %#", (text) => {
    expect(rules(text)).toEqual([]);
  });

  it("can be told to scan code blocks and to ignore frames", () => {
    const strict = unsafeMarkupDetector.create(
      unsafeMarkupDetector.optionsSchema.parse({ ignoreCodeBlocks: false, reportFrames: false }),
    );
    const text = "```\n<script>x</script>\n```\n<iframe src=x></iframe>";
    expect(strict.detect(text, testContext(text)).map((finding) => finding.rule)).toEqual(["script-tag"]);
  });

  it("stays bounded on adversarial input", () => {
    const inputs = [
      "<a ".repeat(40_000),
      `<img ${"x".repeat(100_000)}`,
      "](".repeat(50_000),
      "`".repeat(100_000),
      `\`${"a".repeat(100_000)}`,
    ];
    for (const text of inputs) {
      for (const finding of detector.detect(text, testContext(text)))
        expect(finding.end).toBeLessThanOrEqual(text.length);
    }
  });
});
