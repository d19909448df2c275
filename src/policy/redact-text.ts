import type { FindingDecision } from "./decide.js";

/**
 * Replaces the spans of findings whose action is `redact` with typed placeholders:
 * `[EMAIL_1]`, `[SECRET_2]`... named after the finding's type, else its category. The same
 * value gets the same placeholder within one text. Overlapping spans are merged into one, labelled by the first.
 * (The gateway's reversible vault is separate; this is the one-shot form used by `rampart scan`.)
 */
export function redactText(text: string, decisions: readonly FindingDecision[]): string {
  const spans = decisions
    .filter((decision) => decision.action === "redact")
    .map((decision) => ({
      start: decision.finding.start,
      end: decision.finding.end,
      label: placeholderLabel(decision.finding.type ?? decision.finding.category),
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (spans.length === 0) return text;
  const merged: typeof spans = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const counters = new Map<string, number>();
  const assigned = new Map<string, string>();
  let out = "";
  let position = 0;
  for (const span of merged) {
    const value = text.slice(span.start, span.end);
    const key = `${span.label}\u0000${value}`;
    let placeholder = assigned.get(key);
    if (placeholder === undefined) {
      const next = (counters.get(span.label) ?? 0) + 1;
      counters.set(span.label, next);
      placeholder = `[${span.label}_${next}]`;
      assigned.set(key, placeholder);
    }
    out += text.slice(position, span.start) + placeholder;
    position = span.end;
  }
  return out + text.slice(position);
}

/** "credit-card" -> "CREDIT_CARD" */
function placeholderLabel(name: string): string {
  return (
    name
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "REDACTED"
  );
}
