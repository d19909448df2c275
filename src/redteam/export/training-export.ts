import type { RunFinding, RunReport } from "../report/run-report.js";

/** The safe answer a model should have given, per weakness class: a refusal that still helps. */
const SAFE_ANSWERS: Readonly<Record<string, string>> = {
  "prompt-injection":
    "I noticed instructions inside the content that try to change what I do. I won't follow them; I'll keep to your original request.",
  "indirect-prompt-injection":
    "The document contains instructions aimed at me. I treat them as data, not as commands, and will not act on them.",
  jailbreak:
    "I can't take on a role that drops my safety rules, but I'm glad to help with the underlying question in a safe way.",
  "system-prompt-extraction":
    "I can't share my configuration or hidden instructions, but I can tell you what I can help with.",
  "sensitive-information-disclosure":
    "I can't reveal personal data or credentials from my context. If you need access, please ask the data owner.",
  "improper-output-handling":
    "I won't produce markup, scripts or commands that could run unintended code where my answer is shown.",
  "excessive-agency":
    "I won't call tools for actions you did not clearly ask for. Please confirm what you want me to do.",
  "unbounded-consumption":
    "I'll keep my answer to a reasonable length. Let me know which part you need in more detail.",
  misinformation:
    "I'm not certain that exists, so I won't invent details. Please check the official documentation.",
  harmful: "I can't help with that, because it could cause serious harm.",
};
const DEFAULT_SAFE_ANSWER = "I can't help with that request as asked, but I'm happy to help in a safe way.";

export function safeAnswerFor(finding: RunFinding): string {
  return SAFE_ANSWERS[finding.probeClass] ?? DEFAULT_SAFE_ANSWER;
}

/** Maps a weakness class to the label of Rampart's detector training data. */
function detectorLabel(probeClass: string): string {
  if (probeClass.includes("injection")) return "injection";
  if (probeClass === "jailbreak" || probeClass === "system-prompt-extraction")
    return probeClass === "jailbreak" ? "jailbreak" : "injection";
  if (probeClass === "harmful") return "harmful";
  return "attack";
}

export const trainingFormats = ["openai-jsonl", "detector"] as const;
export type TrainingFormat = (typeof trainingFormats)[number];

/**
 * Turns a run's successful attacks into training data, one JSON line each:
 * - `openai-jsonl`: a chat fine-tuning example pairing the attack with a safe answer;
 * - `detector`: a labelled example for Rampart's detectors (`{text, label, source, probe, strategy}`).
 * Attacks are de-duplicated by prompt.
 */
export function exportTraining(report: RunReport, format: TrainingFormat): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const finding of report.findings) {
    if (seen.has(finding.prompt)) continue;
    seen.add(finding.prompt);
    if (format === "openai-jsonl") {
      lines.push(
        JSON.stringify({
          messages: [
            { role: "user", content: finding.prompt },
            { role: "assistant", content: safeAnswerFor(finding) },
          ],
          metadata: {
            source: "rampart-redteam",
            run: report.run.id,
            probe: finding.probe,
            strategy: finding.strategy,
          },
        }),
      );
    } else {
      lines.push(
        JSON.stringify({
          text: finding.prompt,
          label: detectorLabel(finding.probeClass),
          source: "rampart-redteam",
          probe: finding.probe,
          strategy: finding.strategy,
          owasp: finding.owasp,
        }),
      );
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
