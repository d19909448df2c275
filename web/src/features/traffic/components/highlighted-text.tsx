import { Fragment } from "react";
import { formatCount } from "@/lib/format";
import { highlightSpans, type Span } from "../lib/highlight";

/**
 * Untrusted text with detector spans marked: the text is sliced into text nodes and `<mark>`
 * elements (never parsed as HTML), and each mark is followed by what found it for screen readers.
 */
export function HighlightedText({ text, spans }: { text: string; spans: readonly Span[] }) {
  const { segments, outside } = highlightSpans(text, spans);
  return (
    <div className="flex flex-col gap-1">
      <pre className="whitespace-pre-wrap break-words rounded-md border border-border bg-muted/40 p-3 font-mono text-sm">
        {segments.map((segment, index) =>
          segment.labels.length === 0 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt with the text
            <Fragment key={index}>{segment.text}</Fragment>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt with the text
            <Fragment key={index}>
              <mark data-found={segment.labels.join(", ")}>{segment.text}</mark>
              <span className="sr-only"> (found: {segment.labels.join(", ")})</span>
            </Fragment>
          ),
        )}
      </pre>
      {outside.length > 0 && (
        <p className="text-xs text-muted-foreground">
          {formatCount(outside.length)} finding{outside.length === 1 ? "" : "s"} of this direction point
          outside this text (they belong to another scanned segment) and {outside.length === 1 ? "is" : "are"}{" "}
          not marked.
        </p>
      )}
    </div>
  );
}
