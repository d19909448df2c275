/**
 * Sensitive values in the operator's context (the system prompt): credentials and personal data
 * that the answer must not repeat. Each pattern is linear; the context is bounded by the caller.
 */

export type ContextValueKind = "credential" | "personal-data";

export interface ContextValue {
  readonly kind: ContextValueKind;
  /** what the value is, for the finding's type: PASSWORD, API_KEY, EMAIL, PHONE, CARD, ID_NUMBER */
  readonly type: string;
  readonly value: string;
}

/** A value after a credential word: "password Tr0ub4dor-93", "api key: abc123...". Group 1 is the value. */
const LABELLED_CREDENTIAL =
  /\b(?:password|passphrase|passwd|pwd|pin|api[ _-]?key|access[ _-]?key|secret(?:[ _-]?key)?|token|bearer|credentials?|client[ _-]?secret|private[ _-]?key)\b(?:\s{1,3}(?:is|was|=))?\s{0,3}[:=]?\s{0,3}["'`]?([^\s"'`,;]{6,200})/giu;
/** Well-known credential shapes, found without a label. */
const KNOWN_CREDENTIAL =
  /\b(?:(?:sk|pk|rk)[-_](?:live|test|proj|ant)?[-_]?[A-Za-z0-9_-]{16,200}|gh[pousr]_[A-Za-z0-9]{20,200}|github_pat_[A-Za-z0-9_]{20,200}|xox[abprs]-[A-Za-z0-9-]{10,200}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,60}|eyJ[A-Za-z0-9_-]{10,500}\.[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{5,500})/gu;
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}/gu;
/** A phone or card number: 9 to 19 digits with the usual separators, optionally after +. */
const NUMBER = /(?<![\w+])\+?\d(?:[ ().-]{0,2}\d){8,18}(?![\w])/gu;
/** A national id shape: 123-45-6789 (US SSN) and similar grouped numbers. */
const ID_NUMBER = /\b\d{3}-\d{2}-\d{4}\b/gu;

/** A credential value must look like one: a digit, or mixed case of some length, or a symbol run. */
function credentialLike(value: string): boolean {
  if (/^(?:https?:|\[|<)/u.test(value)) return false;
  const trimmed = value.replace(/[.)\]]+$/u, "");
  if (trimmed.length < 6) return false;
  if (/\d/u.test(trimmed) && /\p{L}/u.test(trimmed)) return true;
  return trimmed.length >= 10 && /[a-z]/u.test(trimmed) && /[A-Z]/u.test(trimmed);
}

function digitCount(value: string): number {
  return value.replace(/\D/gu, "").length;
}

/** At most this many values are taken from one context. */
export const MAX_CONTEXT_VALUES = 64;

/** The sensitive values of a context, without repeats, at most MAX_CONTEXT_VALUES. */
export function contextValues(context: string): ContextValue[] {
  const found = new Map<string, ContextValue>();
  const add = (kind: ContextValueKind, type: string, raw: string) => {
    const value = raw.replace(/[.)\]]+$/u, "");
    if (value.length < 6 || found.has(value) || found.size >= MAX_CONTEXT_VALUES) return;
    found.set(value, { kind, type, value });
  };
  for (const match of context.matchAll(KNOWN_CREDENTIAL)) add("credential", "API_KEY", match[0]);
  for (const match of context.matchAll(LABELLED_CREDENTIAL)) {
    const value = match[1] ?? "";
    if (credentialLike(value))
      add("credential", /pass|pwd|pin/iu.test(match[0]) ? "PASSWORD" : "API_KEY", value);
  }
  for (const match of context.matchAll(EMAIL)) add("personal-data", "EMAIL", match[0]);
  for (const match of context.matchAll(ID_NUMBER)) add("personal-data", "ID_NUMBER", match[0]);
  for (const match of context.matchAll(NUMBER)) {
    const digits = digitCount(match[0]);
    if (digits >= 13 && !match[0].startsWith("+")) add("personal-data", "CARD", match[0]);
    else if (digits <= 15) add("personal-data", "PHONE", match[0]);
  }
  return [...found.values()];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * A pattern that finds the value in an answer: verbatim (case-insensitive), and for values made
 * mostly of digits (phones, cards, id numbers) with any spacing or punctuation between the digits.
 */
export function valuePattern(value: ContextValue): RegExp {
  const digits = value.value.replace(/\D/gu, "");
  if (value.kind === "personal-data" && value.type !== "EMAIL" && digits.length >= 9) {
    return new RegExp(`(?<!\\d)${Array.from(digits).join("[\\s().+-]{0,2}")}(?!\\d)`, "gu");
  }
  return new RegExp(escapeRegExp(value.value), "giu");
}
