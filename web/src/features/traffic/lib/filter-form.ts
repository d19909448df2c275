import { listAuditEventsQuerySchema } from "@core/api/audit";
import { type TrafficRange, type TrafficSearch, trafficRanges, trafficSearchSchema } from "./search";

/** The filter form's fields as text, the way the inputs hold them. */
export interface FilterFormValues {
  /** a recent range, "custom" (from/to), or "" for any time */
  time: "" | TrafficRange | "custom";
  /** `datetime-local` values, read as UTC */
  from: string;
  to: string;
  verdict: string[];
  kind: string;
  app: string;
  keyId: string;
  model: string;
  category: string;
  q: string;
}

export type FilterField = "from" | "to" | "app" | "keyId" | "model" | "category" | "q";
export type FilterErrors = Partial<Record<FilterField, string>>;

const contract = listAuditEventsQuerySchema.shape;

/** "2026-11-20T10:00:00.000Z" -> "2026-11-20T10:00" (a datetime-local value in UTC). */
export function toLocalInput(iso: string | undefined): string {
  return iso === undefined ? "" : new Date(iso).toISOString().slice(0, 16);
}

/** A datetime-local value read as UTC; "" stays undefined, anything else that is not a time is null. */
function fromLocalInput(value: string): string | undefined | null {
  if (value.trim() === "") return undefined;
  const time = Date.parse(`${value.trim()}Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function formValuesOf(search: TrafficSearch): FilterFormValues {
  const custom = search.from !== undefined || search.to !== undefined;
  return {
    time: custom ? "custom" : (search.range ?? ""),
    from: toLocalInput(search.from),
    to: toLocalInput(search.to),
    verdict: search.verdict?.split(",") ?? [],
    kind: search.kind ?? "",
    app: search.app ?? "",
    keyId: search.keyId ?? "",
    model: search.model ?? "",
    category: search.category ?? "",
    q: search.q ?? "",
  };
}

/** Comma-separated values, each checked with the contract; the first refused value is the error. */
function listValue(
  text: string,
  field: typeof contract.app | typeof contract.category,
): { value?: string; error?: string } {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return {};
  for (const part of parts) {
    const parsed = field.safeParse(part);
    if (!parsed.success)
      return { error: `"${part}": ${parsed.error.issues[0]?.message ?? "not a valid value"}` };
  }
  return { value: [...new Set(parts)].join(",") };
}

/**
 * Reads the filter form into the page's URL search, with an error per field the contract would
 * refuse (so the reader fixes the field instead of meeting a 400), and `from` before `to`.
 */
export function searchFromForm(values: FilterFormValues): { search: TrafficSearch; errors: FilterErrors } {
  const errors: FilterErrors = {};
  const raw: Record<string, string | undefined> = {};
  if (values.time === "custom") {
    const from = fromLocalInput(values.from);
    const to = fromLocalInput(values.to);
    if (from === null) errors.from = "must be a date and time";
    if (to === null) errors.to = "must be a date and time";
    if (from && to && from >= to) errors.to = "must be after From";
    raw.from = from ?? undefined;
    raw.to = to ?? undefined;
  } else if ((trafficRanges as readonly string[]).includes(values.time)) {
    raw.range = values.time;
  }
  for (const key of ["app", "keyId", "model"] as const) {
    const { value, error } = listValue(values[key], contract[key]);
    if (error) errors[key] = error;
    raw[key] = value;
  }
  const category = listValue(values.category, contract.category);
  if (category.error) errors.category = category.error;
  raw.category = category.value;
  raw.verdict = values.verdict.length === 0 ? undefined : values.verdict.join(",");
  raw.kind = values.kind === "" ? undefined : values.kind;
  const q = values.q.trim();
  if (q.length > 200) errors.q = "must be at most 200 characters";
  raw.q = q === "" ? undefined : q;
  const search = trafficSearchSchema.parse(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
  );
  return { search, errors };
}
