import { RampartError } from "../core/index.js";

/**
 * Timestamps are stored as ISO 8601 text in UTC with milliseconds (`2026-01-31T09:15:00.000Z`).
 * The fixed width and the `Z` suffix make text order equal time order, so range queries and
 * ORDER BY work the same on SQLite and PostgreSQL, and a person can read the rows.
 */
export function toStoredTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RampartError("storage_error", "cannot store an invalid date");
  return date.toISOString();
}

export function toStoredTimestampOrNull(date: Date | null | undefined): string | null {
  return date === null || date === undefined ? null : toStoredTimestamp(date);
}

export function fromStoredTimestamp(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new RampartError("storage_error", `stored timestamp "${text}" is not a valid date`);
  }
  return date;
}

export function fromStoredTimestampOrNull(text: string | null): Date | null {
  return text === null ? null : fromStoredTimestamp(text);
}
