/**
 * Masks secrets in a configuration for display (`rampart config print`): values of keys that name
 * a secret (an API key, a token, an authorization header...), every value of a `headers` map (the
 * headers Rampart sends to a collector or a webhook usually carry its credentials, and their names
 * say nothing reliable), passwords inside URLs and URL query parameters that name a secret. The
 * masked value keeps a known authorization scheme (`Bearer ********`), never any part of the secret.
 */
const SECRET_KEY =
  /(api[-_]?key|secret|token|password|passphrase|private[-_]?key|authorization|cookie|credentials?)$/i;
/** query parameters whose values are secrets: `?token=`, `?api_key=`, `?sig=`... */
const SECRET_PARAMETER =
  /^(.*[-_])?(api[-_]?key|apikey|key|token|secret|password|passwd|pass|sig|signature|auth|credentials?)$/i;
/** authorization schemes shown before the masked credentials */
const SCHEME = /^(Bearer|Basic|Digest|Token|ApiKey|Splunk|Negotiate)\s+\S/i;
const MASK = "********";

export function maskConfig(value: unknown, key = ""): unknown {
  if (typeof value === "string") {
    if (SECRET_KEY.test(key)) return maskSecret(value);
    return maskUrlPassword(value);
  }
  if (Array.isArray(value)) return value.map((item) => maskConfig(item));
  if (value !== null && typeof value === "object") {
    if (key.toLowerCase() === "headers") return maskHeaders(value as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskConfig(item, name);
    return out;
  }
  return value;
}

/** Every header value masked, whatever the header's name. */
function maskHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(headers))
    out[name] = typeof item === "string" ? maskSecret(item) : maskConfig(item, name);
  return out;
}

/** `Bearer abc` -> `Bearer ********`, `abc` -> `********`; an empty value stays empty (it shows it is unset). */
export function maskSecret(value: string): string {
  if (value === "") return "";
  const scheme = SCHEME.exec(value.trim());
  return scheme === null ? MASK : `${scheme[1]} ${MASK}`;
}

/**
 * `postgres://app:hunter2@db:5432/x` -> `postgres://app:********@db:5432/x`, and
 * `https://soc.example/hook?token=abc` -> `https://soc.example/hook?token=********`.
 */
export function maskUrlPassword(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || !URL.canParse(text)) return text;
  const url = new URL(text);
  let masked = false;
  if (url.password !== "") {
    url.password = MASK;
    masked = true;
  }
  const parameters = [...url.searchParams];
  if (parameters.some(([name, item]) => item !== "" && SECRET_PARAMETER.test(name))) {
    url.search = new URLSearchParams(
      parameters.map(([name, item]): [string, string] => [
        name,
        item !== "" && SECRET_PARAMETER.test(name) ? MASK : item,
      ]),
    ).toString();
    masked = true;
  }
  return masked ? url.toString() : text;
}
