import type { OverviewWindow } from "@core/api/overview";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CiBarChart } from "@/components/charts/ci-bar-chart";
import { ForbiddenState } from "@/components/states/forbidden-state";
import { QueryView } from "@/components/states/query-view";
import { overviewQuery } from "../api/queries";
import { prepareBlockedCategories } from "../lib/blocked-categories";
import { windowLabels } from "../lib/search";
import { OverviewPanel } from "./overview-panel";

function BlockedBody({ window }: { window: OverviewWindow }) {
  const query = useQuery(overviewQuery(window));
  return (
    <QueryView query={query} rows={4}>
      {(overview) =>
        overview.topBlockedCategories === null ? (
          <ForbiddenState scope="audit:read" />
        ) : (
          <div className="flex flex-col gap-2">
            <CiBarChart
              title={`Top blocked categories, ${windowLabels[window].toLowerCase()}`}
              description="Detector categories found in blocked requests (a request may count in several)."
              data={prepareBlockedCategories(overview.topBlockedCategories)}
            />
            <p className="text-sm">
              <Link
                to="/traffic"
                search={{ verdict: "block" }}
                className="text-primary underline-offset-2 hover:underline"
              >
                Open the blocked requests
              </Link>
            </p>
          </div>
        )
      }
    </QueryView>
  );
}

/** Which categories the gateway blocked most in the window. */
export function BlockedCategoriesPanel({ window }: { window: OverviewWindow }) {
  return (
    <OverviewPanel title="Top blocked categories">
      <BlockedBody window={window} />
    </OverviewPanel>
  );
}
