/**
 * Masks a sensitive value for display: keeps a short prefix and suffix when the value is long
 * enough that they reveal nothing useful, and replaces the rest with asterisks.
 * `maskValue("sk-abcdefghijklmnop")` -> `"sk-a…mnop"` style output with the middle hidden.
 */
export function maskValue(value: string, keep = 4): string {
  const chars = Array.from(value);
  if (chars.length <= keep * 3) return "*".repeat(Math.min(chars.length, 8));
  return `${chars.slice(0, keep).join("")}${"*".repeat(Math.min(chars.length - keep * 2, 12))}${chars.slice(-keep).join("")}`;
}

/** Shortens a harmless excerpt to at most `max` characters, on a character boundary. */
export function truncateExcerpt(value: string, max = 80): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join("")}…`;
}
