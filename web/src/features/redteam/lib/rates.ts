import { formatPercent } from "@/lib/format";

/** Below this many cases a rate's interval is wide: charts draw it in the less-certain style. */
export const FEW_CASES = 20;

export const uncertainNote = `Lighter, dashed marks: fewer than ${FEW_CASES} cases, so the 95% interval is wide.`;

/** "15.2–29.9%"; a missing interval is "—". */
export function formatInterval(interval: readonly [number, number] | null | undefined): string {
  if (interval === null || interval === undefined) return "—";
  return `${formatPercent(interval[0])}–${formatPercent(interval[1])}`;
}

/** "21.7% (95% CI 15.2–29.9%)"; a rate not known yet is "—". */
export function formatRateWithInterval(
  rate: number | null | undefined,
  interval: readonly [number, number] | null | undefined,
): string {
  if (rate === null || rate === undefined) return "—";
  return interval === null || interval === undefined
    ? formatPercent(rate)
    : `${formatPercent(rate)} (95% CI ${formatInterval(interval)})`;
}

const owaspLlm2025: Record<string, string> = {
  LLM01: "Prompt Injection",
  LLM02: "Sensitive Information Disclosure",
  LLM03: "Supply Chain",
  LLM04: "Data and Model Poisoning",
  LLM05: "Improper Output Handling",
  LLM06: "Excessive Agency",
  LLM07: "System Prompt Leakage",
  LLM08: "Vector and Embedding Weaknesses",
  LLM09: "Misinformation",
  LLM10: "Unbounded Consumption",
};

/** "LLM01 Prompt Injection" for an OWASP Top 10 for LLM Applications 2025 id; other ids unchanged. */
export function owaspLabel(id: string): string {
  const title = owaspLlm2025[id];
  return title === undefined ? id : `${id} ${title}`;
}
