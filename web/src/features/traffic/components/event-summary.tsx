import type { AuditEventRow } from "@core/api/audit";
import type { ReactNode } from "react";
import { formatMs, formatTime } from "@/lib/format";
import { eventLabel, principalLabel } from "../lib/event-labels";
import { VerdictBadge } from "./verdict-badge";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

/** The row's fields as a description list: when, what, who, where, how it ended. */
export function EventSummary({ event }: { event: AuditEventRow }) {
  const text = (value: string | number | null) => (value === null ? "—" : String(value));
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-4">
      <Item term="Time">{formatTime(event.at)}</Item>
      <Item term="Event">{eventLabel(event)}</Item>
      <Item term="Verdict">
        <VerdictBadge verdict={event.verdict} />
      </Item>
      <Item term="Categories">{event.categories.length === 0 ? "—" : event.categories.join(", ")}</Item>
      <Item term="Key">{principalLabel(event.principal)}</Item>
      <Item term="Key id">
        <code className="text-xs">{text(event.principal?.id ?? null)}</code>
      </Item>
      <Item term="App">{text(event.app)}</Item>
      <Item term="Request id">
        <code className="text-xs">{text(event.requestId)}</code>
      </Item>
      <Item term="Model">{text(event.model)}</Item>
      <Item term="Upstream">{text(event.upstream)}</Item>
      <Item term="HTTP status">{text(event.status)}</Item>
      <Item term="Latency">{formatMs(event.latencyMs)}</Item>
      <Item term="Node and sequence">
        <code className="text-xs">
          {event.node} #{event.seq}
        </code>
      </Item>
    </dl>
  );
}
