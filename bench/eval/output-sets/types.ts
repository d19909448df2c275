/** One synthetic output sample. `category` is the detector that should fire, or "benign". */
export interface OutputSample {
  readonly id: string;
  readonly category:
    | "benign"
    | "exfiltration"
    | "unsafe-markup"
    | "dangerous-command"
    | "jailbreak-compliance"
    | "system-prompt-leak"
    | "canary-leak";
  readonly text: string;
  readonly systemPrompt?: string;
  readonly canaries?: readonly string[];
  readonly conversation?: readonly string[];
  /** what the sample exercises, for per-kind breakdowns */
  readonly kind: string;
}
