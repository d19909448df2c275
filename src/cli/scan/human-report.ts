import { maskValue, truncateExcerpt } from "../../core/index.js";
import { isInvisible } from "../../detect/normalize/characters.js";
import type { Decision } from "../../policy/index.js";

/** Characters of context shown on each side of a finding. */
const CONTEXT_CHARS = 30;
/** Longest span shown; longer spans are shortened in the middle. */
const MAX_SPAN_CHARS = 80;
const ANSI = { highlight: "\u001b[1;31m", dim: "\u001b[2m", bold: "\u001b[1m", reset: "\u001b[0m" } as const;
/** Markers around a span when the output is not a terminal. */
const PLAIN_MARKERS = ["⟦", "⟧"] as const;
/** Line breaks and other controls, shown as a space in a one-line snippet. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what it replaces
const CONTROL_PATTERN = /[\u0000-\u001f\u007f]/g;

/** Invisible characters shown as escapes (`\u{E0041}`), controls as spaces. */
export function visible(text: string): string {
  let out = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    out += isInvisible(codePoint) ? `\\u{${codePoint.toString(16).toUpperCase()}}` : character;
  }
  return out.replace(CONTROL_PATTERN, " ");
}

function shorten(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= MAX_SPAN_CHARS) return text;
  const half = Math.floor(MAX_SPAN_CHARS / 2);
  return `${chars.slice(0, half).join("")}…${chars.slice(-half).join("")}`;
}

/** A one-line report of a scan: the verdict, then each finding with its action and a highlighted snippet. */
export function humanReport(text: string, decision: Decision, durationMs: number, tty: boolean): string {
  const paint = (code: string, value: string) => (tty ? `${code}${value}${ANSI.reset}` : value);
  const lines = [
    `${paint(ANSI.bold, `verdict: ${decision.verdict}`)}  risk ${decision.risk.toFixed(2)}  ` +
      `${decision.actions.length} finding${decision.actions.length === 1 ? "" : "s"}  ${durationMs.toFixed(1)} ms`,
  ];
  for (const { finding, action } of decision.actions) {
    lines.push(
      `  ${action.padEnd(6)} ${finding.category}/${finding.rule}${finding.type === undefined ? "" : ` ${finding.type}`}` +
        `  [${finding.start}, ${finding.end})  score ${finding.score.toFixed(2)}  ${finding.severity}` +
        (finding.via === undefined ? "" : `  via ${finding.via}`),
    );
    const raw = text.slice(finding.start, finding.end);
    const span = shorten(visible(finding.category === "secret" ? maskValue(raw) : raw));
    const before = visible(text.slice(Math.max(0, finding.start - CONTEXT_CHARS), finding.start));
    const after = visible(text.slice(finding.end, finding.end + CONTEXT_CHARS));
    const marked = tty ? paint(ANSI.highlight, span) : `${PLAIN_MARKERS[0]}${span}${PLAIN_MARKERS[1]}`;
    lines.push(`         ${finding.start > CONTEXT_CHARS ? "…" : ""}${before}${marked}${after}`);
    if (finding.message !== undefined)
      lines.push(`         ${paint(ANSI.dim, truncateExcerpt(finding.message, 120))}`);
  }
  for (const skipped of decision.skipped) {
    lines.push(`  skipped ${skipped.detector}: ${skipped.reason} (${skipped.message})`);
  }
  if (decision.failedClosed)
    lines.push("  blocked because a detector was skipped and the policy fails closed");
  return `${lines.join("\n")}\n`;
}
