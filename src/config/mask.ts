/**
 * Masks secrets in a configuration for display (`rampart config print`): values of keys that name
 * a secret, and passwords inside URLs.
 */
const SECRET_KEY = /(api[-_]?key|secret|token|password|passphrase|private[-_]?key)$/i;

export function maskConfig(value: unknown, key = ""): unknown {
  if (typeof value === "string") {
    if (SECRET_KEY.test(key)) return value === "" ? "" : "********";
    return maskUrlPassword(value);
  }
  if (Array.isArray(value)) return value.map((item) => maskConfig(item));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskConfig(item, name);
    return out;
  }
  return value;
}

/** `postgres://app:hunter2@db:5432/x` -> `postgres://app:********@db:5432/x` */
export function maskUrlPassword(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || !URL.canParse(text)) return text;
  const url = new URL(text);
  if (url.password === "") return text;
  url.password = "********";
  return url.toString();
}
