import type { AuditEventRow } from "@core/api/audit";
import { Link } from "@tanstack/react-router";
import { dataTableColumns } from "@/components/data-table/data-table-features";
import { formatCount, formatMs } from "@/lib/format";
import { principalLabel, shortEventLabel } from "../lib/event-labels";
import { VerdictBadge } from "./verdict-badge";

const time = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

const helper = dataTableColumns<AuditEventRow>();

/** The event table's columns: compact fields of each row; the event view has the rest. */
export const auditEventColumns = helper.columns([
  helper.accessor("at", {
    header: "Time (UTC)",
    meta: { rowHeader: true, width: "9.5rem" },
    cell: (info) => (
      <Link
        to="/traffic/$id"
        params={{ id: info.row.original.id }}
        search={true}
        className="text-primary underline-offset-2 hover:underline"
      >
        {time.format(new Date(info.getValue()))}
      </Link>
    ),
  }),
  helper.accessor("verdict", {
    header: "Verdict",
    meta: { width: "6.75rem" },
    cell: (info) => <VerdictBadge verdict={info.getValue()} />,
  }),
  helper.accessor((row) => shortEventLabel(row), { id: "event", header: "Event", meta: { width: "8.5rem" } }),
  helper.accessor((row) => principalLabel(row.principal), {
    id: "who",
    header: "Key",
    meta: { width: "7rem" },
  }),
  helper.accessor((row) => row.app ?? "—", { id: "app", header: "App", meta: { width: "5.5rem" } }),
  helper.accessor((row) => row.model ?? "—", { id: "model", header: "Model", meta: { width: "7.5rem" } }),
  helper.accessor((row) => (row.categories.length === 0 ? "—" : row.categories.join(", ")), {
    id: "categories",
    header: "Categories",
  }),
  helper.accessor((row) => (row.status === null ? "—" : formatCount(row.status)), {
    id: "status",
    header: "Status",
    meta: { width: "4rem", numeric: true },
  }),
  helper.accessor((row) => formatMs(row.latencyMs), {
    id: "latency",
    header: "Latency",
    meta: { width: "5rem", numeric: true },
  }),
]);
