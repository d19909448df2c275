import { incidentSeverities } from "@core/api/incidents";
import type { OverviewWindow } from "@core/api/overview";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { QueryView } from "@/components/states/query-view";
import { formatCount } from "@/lib/format";
import { overviewQuery } from "../api/queries";
import { OverviewPanel } from "./overview-panel";
import { SeverityLabel } from "./severity-label";

const linkClass = "text-primary underline-offset-2 hover:underline";

function IncidentsBody({ window }: { window: OverviewWindow }) {
  const query = useQuery(overviewQuery(window));
  return (
    <QueryView query={query} rows={4}>
      {(overview) => {
        const incidents = overview.incidents;
        if (incidents === null) return <ForbiddenState scope="incidents:read" />;
        return (
          <div className="flex flex-col gap-3">
            <p className="text-2xl font-semibold tabular-nums">
              {formatCount(incidents.open)}{" "}
              <span className="text-sm font-normal text-muted-foreground">
                open (not yet resolved: open, triaged or contained)
              </span>
            </p>
            {incidents.open === 0 ? (
              <p className="text-sm text-muted-foreground">
                No open incident. Alerts from the monitor open incidents here.
              </p>
            ) : (
              <ul aria-label="Open incidents by severity" className="flex flex-col gap-2">
                {[...incidentSeverities].reverse().map((severity) => (
                  <li key={severity} className="flex items-center justify-between gap-2 text-sm">
                    <SeverityLabel severity={severity} />
                    <span className="flex items-center gap-3">
                      <span className="tabular-nums">{formatCount(incidents.bySeverity[severity])} open</span>
                      <Link to="/incidents" search={{ severity }} className={linkClass}>
                        View <span className="sr-only">{severity} incidents</span>
                      </Link>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="text-sm">
              <Link to="/incidents" className={linkClass}>
                All incidents
              </Link>
            </p>
          </div>
        );
      }}
    </QueryView>
  );
}

/** Open incidents by severity, each linked to the incident list. */
export function IncidentsPanel({ window }: { window: OverviewWindow }) {
  return (
    <OverviewPanel title="Open incidents">
      <IncidentsBody window={window} />
    </OverviewPanel>
  );
}
