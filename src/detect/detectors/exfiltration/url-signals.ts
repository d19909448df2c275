/** A value that looks like encoded data: base64 or base64url characters only. */
export const BASE64ISH_VALUE = /^[A-Za-z0-9+/=_-]+$/;
/** Lower- or upper-case hexadecimal only (commit ids, hashes: identifiers up to 64 characters). */
export const HEX_VALUE = /^[0-9a-fA-F]+$/;
/** A UUID, an identifier rather than data. */
export const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Separators that split a URL's path, query and fragment into values. */
export const URL_VALUE_SEPARATOR = /[/?&=#;,]+/;

/** A file extension at the end of a path segment (".gif", ".png"), removed before the encoding check. */
export const FILE_EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

export const MIN_ENCODED_LENGTH = 24;
export const MAX_HEX_IDENTIFIER_LENGTH = 64;
/** Bits of Shannon entropy per character above which a mixed-case value is treated as encoded data. */
export const MIN_ENCODED_ENTROPY = 3.8;

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const probability = count / value.length;
    bits -= probability * Math.log2(probability);
  }
  return bits;
}

/** True for a value that carries encoded data rather than an identifier or a slug. */
export function looksEncoded(raw: string): boolean {
  const value = raw.replace(FILE_EXTENSION, "");
  if (value.length < MIN_ENCODED_LENGTH || UUID_VALUE.test(value)) return false;
  if (HEX_VALUE.test(value)) return value.length > MAX_HEX_IDENTIFIER_LENGTH;
  if (!BASE64ISH_VALUE.test(value)) return false;
  const classes = Number(/[A-Z]/.test(value)) + Number(/[a-z]/.test(value)) + Number(/\d/.test(value));
  return classes === 3 && entropy(value) >= MIN_ENCODED_ENTROPY;
}

/** A DNS label that carries data (data sent through DNS look-ups): long, letters and digits, high entropy. */
export const ENCODED_HOST_LABEL = /^[a-z0-9-]{24,63}$/;
export const MIN_HOST_LABEL_ENTROPY = 3.5;

export function looksEncodedHost(host: string): boolean {
  return host
    .split(".")
    .some(
      (label) =>
        ENCODED_HOST_LABEL.test(label) &&
        /\d/.test(label) &&
        /[a-z]/.test(label) &&
        entropy(label) >= MIN_HOST_LABEL_ENTROPY,
    );
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** Decodes a base64 or base64url value when it decodes to mostly printable text. */
export function decodeBase64Text(value: string): string | undefined {
  const normalized = value.replace(/-/g, "+").replace(/_/g, "/");
  const decoded = Buffer.from(normalized, "base64").toString("utf8");
  if (decoded.length < 8) return undefined;
  let printable = 0;
  for (const character of decoded) if (/[\p{L}\p{N}\p{P}\p{Zs}]/u.test(character)) printable++;
  return printable / decoded.length >= 0.9 ? decoded : undefined;
}

export interface UrlParts {
  readonly host: string;
  /** decoded values of the path segments, query parameters and fragment */
  readonly values: readonly string[];
  readonly queryLength: number;
}

/** Splits an absolute (or protocol-relative) URL; undefined for relative URLs and other schemes. */
export function splitUrl(raw: string): UrlParts | undefined {
  let url: URL;
  try {
    url = new URL(raw.startsWith("//") ? `https:${raw}` : raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const rest = `${url.pathname}${url.search}${url.hash}`.slice(0, 8_000);
  const values = rest
    .split(URL_VALUE_SEPARATOR)
    .filter((value) => value.length > 0)
    .map(safeDecode);
  return { host: url.hostname.toLowerCase(), values, queryLength: url.search.length };
}

/** True when the host is one of the domains or a subdomain of one. */
export function hostAllowed(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => {
    const normalized = domain.toLowerCase().replace(/^\*?\./, "");
    return host === normalized || host.endsWith(`.${normalized}`);
  });
}
