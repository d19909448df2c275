/** Formats shared by every page: numbers, percentages, times. */

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return value >= 100_000 ? compact.format(value) : integer.format(value);
}

/** 0.1234 → "12.3%"; null → "—". */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return "—";
  // round in decimal, not binary: 0.2985 is 29.9%, not the 29.8% that toFixed gives
  const scale = 10 ** digits;
  return `${(Math.round(Number((ratio * 100 * scale).toPrecision(12))) / scale).toFixed(digits)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "—";
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** An ISO time as "27 Nov 2026, 19:09:35 UTC"; invalid → "—". */
export function formatTime(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined) return "—";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "—";
  return `${dateTime.format(date)} UTC`;
}

/** How long ago, coarse: "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(iso: string | Date | null | undefined, now = Date.now()): string {
  if (iso === null || iso === undefined) return "—";
  const time = (typeof iso === "string" ? new Date(iso) : iso).getTime();
  if (Number.isNaN(time)) return "—";
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}
