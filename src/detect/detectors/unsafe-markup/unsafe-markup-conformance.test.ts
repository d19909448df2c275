import { runDetectorConformance } from "../../conformance.js";
import { unsafeMarkupDetector } from "./unsafe-markup-detector.js";

runDetectorConformance(unsafeMarkupDetector, {
  direction: "output",
  positives: [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<iframe src="https://x.example"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://x.example">',
  ],
  negatives: [
    '```html\n<script src="/app.js"></script>\n```',
    'An image: <img src="https://example.org/logo.png" alt="logo">',
    "If 3 < 4 and 5 > 2, the online form works.",
  ],
  adversarial: [
    "<a ".repeat(34_000),
    "<img src=".repeat(11_000),
    "](".repeat(50_000),
    `<style>${"@imp".repeat(25_000)}`,
  ],
});
