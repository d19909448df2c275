import type { AuditEventRow } from "@core/api/audit";
import type { TrafficSearch } from "./search";

function anyOf(list: string | undefined, values: readonly (string | null | undefined)[]): boolean {
  if (list === undefined) return true;
  const wanted = list.split(",");
  return values.some((value) => value !== null && value !== undefined && wanted.includes(value));
}

/**
 * Whether a live event belongs in the table under the page's filters: the same rules the server
 * applies to the list (every filter must match; a list filter matches any of its values), so a row
 * that arrives over the stream is shown exactly when a reload would list it. `from` is the time
 * filter's start as the page fixed it.
 */
export function matchesSearch(row: AuditEventRow, search: TrafficSearch, from: string | undefined): boolean {
  const at = Date.parse(row.at);
  if (from !== undefined && at < Date.parse(from)) return false;
  if (search.to !== undefined && at >= Date.parse(search.to)) return false;
  if (!anyOf(search.kind, [row.kind])) return false;
  if (!anyOf(search.app, [row.app])) return false;
  if (!anyOf(search.keyId, [row.principal?.id])) return false;
  if (!anyOf(search.model, [row.model])) return false;
  if (!anyOf(search.verdict, [row.verdict])) return false;
  if (!anyOf(search.category, row.categories)) return false;
  if (search.q !== undefined && !(row.requestId ?? "").toLowerCase().includes(search.q.toLowerCase()))
    return false;
  return true;
}
