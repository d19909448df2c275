import { incidentSeverities, incidentStatuses } from "@core/api/incidents";
import { Label } from "@/components/ui/label";
import type { IncidentFilters as Filters } from "../api/queries";
import { statusLabels } from "../lib/status-workflow";

const selectClass =
  "h-9 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";

/** Status and severity filters; the page keeps them in the URL, so a filtered list can be shared. */
export function IncidentFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <Label htmlFor="incident-status-filter">Status</Label>
        <select
          id="incident-status-filter"
          className={selectClass}
          value={filters.status ?? ""}
          onChange={(event) =>
            onChange({
              ...filters,
              status: event.target.value === "" ? undefined : (event.target.value as Filters["status"]),
            })
          }
        >
          <option value="">Any status</option>
          {incidentStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="incident-severity-filter">Severity</Label>
        <select
          id="incident-severity-filter"
          className={selectClass}
          value={filters.severity ?? ""}
          onChange={(event) =>
            onChange({
              ...filters,
              severity: event.target.value === "" ? undefined : (event.target.value as Filters["severity"]),
            })
          }
        >
          <option value="">Any severity</option>
          {incidentSeverities.map((severity) => (
            <option key={severity} value={severity}>
              {severity[0]?.toUpperCase()}
              {severity.slice(1)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
