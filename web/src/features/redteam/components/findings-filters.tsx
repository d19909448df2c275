import { Label } from "@/components/ui/label";
import { owaspLabel } from "../lib/rates";
import type { RunDetailSearch } from "../lib/search";

const selectClass =
  "h-8 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";

/** The findings' filters (OWASP category, strategy); changing one goes back to the first page. */
export function FindingsFilters({
  categories,
  strategies,
  search,
  onChange,
}: {
  categories: readonly string[];
  strategies: readonly string[];
  search: RunDetailSearch;
  onChange: (next: RunDetailSearch) => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="findings-owasp">OWASP category</Label>
        <select
          id="findings-owasp"
          className={selectClass}
          value={search.owasp ?? ""}
          onChange={(event) =>
            onChange({ owasp: event.target.value || undefined, strategy: search.strategy, offset: undefined })
          }
        >
          <option value="">Every category</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {owaspLabel(category)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="findings-strategy">Strategy</Label>
        <select
          id="findings-strategy"
          className={selectClass}
          value={search.strategy ?? ""}
          onChange={(event) =>
            onChange({ owasp: search.owasp, strategy: event.target.value || undefined, offset: undefined })
          }
        >
          <option value="">Every strategy</option>
          {strategies.map((strategy) => (
            <option key={strategy} value={strategy}>
              {strategy}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
