import type { RedteamRunDetail } from "@core/api/redteam";
import { EmptyState } from "@/components/states/empty-state";
import { formatCount } from "@/lib/format";
import { reportMissingReason } from "../lib/run-status";
import type { RunDetailSearch } from "../lib/search";
import { FindingsFilters } from "./findings-filters";
import { FindingsPager } from "./findings-pager";
import { FindingsTable } from "./findings-table";

/** The findings panel: filters from the URL, the page of findings, and paging. */
export function RunFindings({
  detail,
  search,
  onSearch,
}: {
  detail: RedteamRunDetail;
  search: RunDetailSearch;
  onSearch: (next: RunDetailSearch) => void;
}) {
  const missing = reportMissingReason(detail.run);
  if (missing !== null) return <EmptyState title="No findings to show">{missing}</EmptyState>;
  const { findings } = detail;
  const filtered = search.owasp !== undefined || search.strategy !== undefined;
  return (
    <div className="flex flex-col gap-3">
      <FindingsFilters
        categories={Object.keys(detail.byCategory).sort()}
        strategies={detail.strategies}
        search={search}
        onChange={onSearch}
      />
      {findings.total === 0 ? (
        <EmptyState title={filtered ? "No findings match these filters" : "No successful attacks"}>
          {filtered
            ? "Choose another category or strategy, or clear the filters."
            : "Every attack of this run failed against the target."}
        </EmptyState>
      ) : (
        <>
          <FindingsTable
            findings={findings.data}
            caption={`${formatCount(findings.total)} successful attack${findings.total === 1 ? "" : "s"}${filtered ? " matching the filters" : ""}; prompts and responses are shown as plain text.`}
          />
          <FindingsPager
            offset={findings.offset}
            limit={findings.limit}
            total={findings.total}
            onOffset={(offset) => onSearch({ ...search, offset: offset === 0 ? undefined : offset })}
          />
        </>
      )}
    </div>
  );
}
