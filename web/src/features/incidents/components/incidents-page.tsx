import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { type IncidentFilters as Filters, incidentListQuery } from "../api/queries";
import { IncidentFilters } from "./incident-filters";
import { IncidentsTable } from "./incidents-table";

/** Incidents, filtered by status and severity from the URL (`search`). */
export function IncidentsPage({ search }: { search: Filters }) {
  const navigate = useNavigate();
  const query = useQuery(incidentListQuery(search));
  const filtered = search.status !== undefined || search.severity !== undefined;
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Raised by the monitor's alerts or opened by hand; newest first."
      />
      <IncidentFilters
        filters={search}
        onChange={(next) =>
          void navigate({
            to: "/incidents",
            search: {
              ...(next.status === undefined ? {} : { status: next.status }),
              ...(next.severity === undefined ? {} : { severity: next.severity }),
            },
          })
        }
      />
      <QueryView query={query} scope="incidents:read" rows={6}>
        {(incidents) =>
          incidents.length === 0 ? (
            <EmptyState title={filtered ? "No incidents match these filters" : "No incidents yet"}>
              {filtered
                ? "Clear a filter to see more."
                : "The monitor opens one when an alert's rule names a playbook, for example repeated prompt-injection attempts from one key. `rampart incident create` opens one by hand."}
            </EmptyState>
          ) : (
            <IncidentsTable incidents={incidents} now={new Date()} />
          )
        }
      </QueryView>
    </>
  );
}
