import { z } from "zod";

/**
 * A record form described as data: each field names its place in the record (`name`, with `:`
 * between nested keys such as `responsibility:ai-usage`) and how it is typed in. The form's values
 * are strings and booleans; `recordFormSchema` turns them into the record and checks it with the
 * contract's own body schema, so the browser refuses what the server would.
 */
/** `list`: comma-separated ids or names; `lines`: one item per line (items may hold commas) */
export type FieldKind =
  | "text"
  | "textarea"
  | "list"
  | "lines"
  | "boolean"
  | "date"
  | "int"
  | "select"
  | "pairs";

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  /** choices (a select); an `int` field with options is still sent as a number */
  options?: readonly FieldOption[];
  help?: string;
  /** the record's id: typed once, fixed afterwards */
  isId?: boolean;
  /** an empty value leaves the key out of the record (optional overrides) */
  omitEmpty?: boolean;
}

export type FormValues = Record<string, string | boolean>;
type Json = Record<string, unknown>;

const pathOf = (field: FieldSpec) => field.name.split(":");

function valueAt(record: Json, path: readonly string[]): unknown {
  let node: unknown = record;
  for (const key of path) node = node !== null && typeof node === "object" ? (node as Json)[key] : undefined;
  return node;
}

/** The form's values for a record (or for an empty one when creating). */
export function formValuesOf(fields: readonly FieldSpec[], record: Json): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = valueAt(record, pathOf(field));
    if (field.kind === "boolean") values[field.name] = value === true;
    else if (field.kind === "list") values[field.name] = Array.isArray(value) ? value.join(", ") : "";
    else if (field.kind === "lines") values[field.name] = Array.isArray(value) ? value.join("\n") : "";
    else if (field.kind === "pairs")
      values[field.name] =
        value !== null && typeof value === "object"
          ? Object.entries(value as Json)
              .map(([key, item]) => `${key}=${String(item)}`)
              .join(", ")
          : "";
    else values[field.name] = value === undefined || value === null ? "" : String(value);
  }
  return values;
}

const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");

function parsed(field: FieldSpec, value: string | boolean): unknown {
  if (typeof value === "boolean") return value;
  switch (field.kind) {
    case "list":
      return splitList(value);
    case "lines":
      return value
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
    case "int":
      return Number(value.trim());
    case "pairs":
      return Object.fromEntries(
        splitList(value).map((pair) => {
          const [key = "", amount = ""] = pair.split("=").map((part) => part.trim());
          return [key, Number(amount)];
        }),
      );
    default:
      return field.kind === "textarea" ? value : value.trim();
  }
}

/** The record of a filled-in form: `base` keeps what the form does not show (history, hashes). */
export function recordOf(fields: readonly FieldSpec[], values: FormValues, base: Json): Json {
  const record: Json = { ...base };
  const groups = new Set(fields.filter((field) => pathOf(field).length > 1).map((f) => pathOf(f)[0]));
  for (const group of groups) if (group !== undefined) record[group] = {};
  for (const field of fields) {
    const value = values[field.name] ?? (field.kind === "boolean" ? false : "");
    if (field.omitEmpty && value === "") continue;
    const path = pathOf(field);
    const last = path[path.length - 1] as string;
    let target = record;
    for (const key of path.slice(0, -1)) target = target[key] as Json;
    target[last] = parsed(field, value);
  }
  return record;
}

const fieldSchema = (field: FieldSpec): z.ZodType<string | boolean> => {
  switch (field.kind) {
    case "boolean":
      return z.boolean();
    case "int":
      return z
        .string()
        .trim()
        .regex(/^-?\d+$/, "Enter a whole number.");
    case "pairs":
      return z
        .string()
        .regex(
          /^\s*([a-z0-9][a-z0-9._-]*\s*=\s*\d*\.?\d+\s*([,\n]\s*|$))*$/,
          "Write id=effectiveness pairs separated by commas, such as input-scanning=0.5.",
        );
    default:
      return z.string();
  }
};

/**
 * The form's schema for the zod resolver: the typed-in values, turned into the record, checked
 * with the contract's body schema (`body`). Errors keep the record's paths, so they land on fields.
 */
export function recordFormSchema<T>(fields: readonly FieldSpec[], body: z.ZodType<T>, base: Json) {
  return z
    .object(Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)])))
    .transform((values) => recordOf(fields, values as FormValues, base))
    .pipe(body as z.ZodType<T, Json>);
}

/** The first message under a field's path in react-hook-form's errors (lists report per item). */
export function errorFor(errors: unknown, field: FieldSpec): string | undefined {
  const direct = (errors as Json | undefined)?.[field.name];
  return firstMessage(direct ?? valueAt((errors ?? {}) as Json, pathOf(field)));
}

function firstMessage(node: unknown): string | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const message = (node as Json).message;
  if (typeof message === "string" && message !== "") return message;
  for (const [key, child] of Object.entries(node as Json)) {
    if (key === "ref") continue;
    const found = firstMessage(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The field a server refusal is about, from the ways the management API words it: a body field
 * (`body/likelihood Too big: …`), a whole-register rule (`assets.yaml: datasets.0.retrieval: unknown
 * model "x"`) or a route's own check (`id: a model with id x already exists`).
 */
export function serverFieldError(
  message: string,
  fields: readonly FieldSpec[],
): { name: string; message: string } | null {
  const body = /^body\/(\S+) (.+)$/.exec(message);
  const register = /^[\w.-]+\.yaml: ([^:\s]+): (.+)$/.exec(message);
  const own = /^([A-Za-z]+): (.+)$/.exec(message);
  const found = body
    ? { path: body[1]?.split("/") ?? [], text: body[2] ?? message }
    : register
      ? { path: register[1]?.split(".") ?? [], text: register[2] ?? message }
      : own
        ? { path: [own[1] ?? ""], text: own[2] ?? message }
        : null;
  if (found === null) return null;
  const matches = fields
    .map((field) => ({ field, path: pathOf(field) }))
    .filter(({ path }) =>
      found.path.some((_, start) => path.every((key, offset) => found.path[start + offset] === key)),
    )
    .sort((a, b) => b.path.length - a.path.length);
  const best = matches[0];
  return best === undefined ? null : { name: best.field.name, message: found.text };
}
