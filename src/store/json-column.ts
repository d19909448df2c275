import type { z } from "zod";
import { RampartError } from "../core/index.js";

/** Writes a value to a JSON text column. */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

/** Reads a JSON text column and checks it against a schema; a mismatch is a storage_error. */
export function fromJsonColumn<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  where: string,
): z.infer<Schema> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RampartError("storage_error", `${where}: stored value is not valid JSON`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new RampartError("storage_error", `${where}: stored value does not match its schema`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Checks a stored scalar (an enum column, say) against a schema; a mismatch is a storage_error. */
export function parseStoredValue<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RampartError("storage_error", `${where}: unexpected stored value`);
  return parsed.data;
}

/** Checks what a caller asks a repository to store; a mismatch is invalid_request naming the field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `;
  throw new RampartError("invalid_request", `invalid ${what}: ${path}${issue?.message ?? "invalid value"}`, {
    cause: parsed.error,
  });
}
