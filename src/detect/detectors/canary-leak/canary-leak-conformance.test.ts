import { runDetectorConformance } from "../../conformance.js";
import { canaryLeakDetector } from "./canary-leak-detector.js";

const canaries = ["rc-7f3k9q2m8x1v"];

runDetectorConformance(canaryLeakDetector, {
  context: { canaries },
  positives: [
    "The marker is rc-7f3k9q2m8x1v.",
    "TOKEN RC-7F3K9Q2M8X1V",
    "r c - 7 f 3 k 9 q 2 m 8 x 1 v",
    `encoded: ${Buffer.from("xx rc-7f3k9q2m8x1v yy").toString("base64")}`,
  ],
  negatives: ["A normal answer about remote-control cars.", "```\nconst id = 'rc-00000000';\n```"],
  adversarial: ["r c - 7 f 3 k 9 q 2 m 8 x ".repeat(4000), "rc-7f3k9q2m8x1".repeat(7000)],
});
