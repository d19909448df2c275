import type { AuditEventContent, AuditEventFinding } from "@core/api/audit";
import { EmptyState } from "@/components/states/empty-state";
import type { Span } from "../lib/highlight";
import { HighlightedText } from "./highlighted-text";

function spansOf(findings: readonly AuditEventFinding[], direction: AuditEventFinding["direction"]): Span[] {
  return findings
    .filter((finding) => finding.direction === direction)
    .map((finding) => ({
      start: finding.start,
      end: finding.end,
      label: `${finding.category} (${finding.detector}${finding.type ? `, ${finding.type}` : ""})`,
    }));
}

/**
 * The stored content of an event as `audit.content` kept it: redacted text with the findings of its
 * direction marked, or why there is no text to show (not stored, encrypted, erased).
 */
export function EventContent({
  content,
  findings,
}: {
  content: AuditEventContent;
  findings: readonly AuditEventFinding[];
}) {
  if (content === null)
    return (
      <EmptyState title="Content not recorded">
        This event stores no prompt or answer text: <code>audit.content</code> is <code>none</code>, or the
        event has no text of its own (a management change, a red-team run, a verification). The findings above
        still say what was found and where.
      </EmptyState>
    );
  if (content.mode === "encrypted")
    return (
      <EmptyState title="Content stored encrypted">
        <code>audit.content</code> is <code>encrypted</code>: the text is kept with AES-256-GCM and the API
        never decrypts it. Read it with the key in <code>RAMPART_AUDIT_KEY</code> outside the dashboard.
      </EmptyState>
    );
  if (content.mode === "erased")
    return (
      <EmptyState title="Content erased">
        The text of this event (stored {content.storedAs}) was erased since; its commitment stays in the
        chain, which still verifies.
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-muted-foreground">
        The texts the gateway scanned (segments joined by a blank line), with personal data, secrets and
        canaries masked by <code>*</code> one for one, so each finding&apos;s offsets (UTF-16 code units)
        still mark the right place. Output findings in a stream&apos;s tool arguments or reasoning count in
        their own text and may not line up with the answer shown.
      </p>
      <section aria-label="Prompt" className="flex flex-col gap-1">
        <h3 className="text-sm font-semibold">Prompt</h3>
        {content.prompt === null ? (
          <p className="text-sm text-muted-foreground">No prompt text stored.</p>
        ) : (
          <HighlightedText text={content.prompt} spans={spansOf(findings, "input")} />
        )}
      </section>
      <section aria-label="Answer" className="flex flex-col gap-1">
        <h3 className="text-sm font-semibold">Answer</h3>
        {content.response === null ? (
          <p className="text-sm text-muted-foreground">No answer text stored.</p>
        ) : (
          <HighlightedText text={content.response} spans={spansOf(findings, "output")} />
        )}
      </section>
    </div>
  );
}
