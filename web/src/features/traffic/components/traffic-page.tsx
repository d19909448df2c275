import { useNavigate } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import type { TrafficSearch } from "../lib/search";
import { TrafficEvents } from "./traffic-events";
import { TrafficFilters } from "./traffic-filters";

/**
 * Traffic: the audit trail's events, filtered from the URL (`search`), newest first, with new events
 * arriving live. A new search remounts the filters and the table (keyed), never copying state.
 */
export function TrafficPage({ search }: { search: TrafficSearch }) {
  const navigate = useNavigate();
  const key = JSON.stringify(search);
  return (
    <>
      <PageHeader
        title="Traffic"
        description="Every decision of the gateway and every change recorded in the audit trail, newest first. Rows never carry prompt or answer text; open an event to see its findings and stored content."
      />
      <TrafficFilters
        key={`filters-${key}`}
        search={search}
        onApply={(next) => void navigate({ to: "/traffic", search: next })}
      />
      <TrafficEvents key={`events-${key}`} search={search} />
    </>
  );
}
