/**
 * Values that look like credentials but are not: placeholders, documented example keys, hashes,
 * UUIDs and commit ids. Each pattern is a named constant with a comment and a test.
 */

/** Placeholder markers anywhere in a value: xxxx, ****, <your-key>, ${VAR}, {{var}}, %VAR%, example... */
export const PLACEHOLDER_MARKER =
  /x{4,}|X{4,}|\*{3,}|\.{3,}|<[^>]{0,64}>|\$\{|\{\{|%[A-Z_]{2,40}%|\$\(|^\{[^}]{0,64}\}$|change[_-]?me|example|dummy|placeholder|sample|redacted|replace[_-]?(?:me|with)|insert[_-]?(?:your|key|token)|your[_-]|^my[_-]?(?:api[_-]?key|password|secret|token)|_here\b|here$|#{4,}|fake|foobar|lorem|notreal|not[_-]real/i;

/** Whole values that are placeholders or well-known weak defaults, not leaked credentials. */
export const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  "password",
  "passw0rd",
  "secret",
  "token",
  "test",
  "testing",
  "pass",
  "admin",
  "root",
  "user",
  "username",
  "null",
  "none",
  "undefined",
  "true",
  "false",
  "123456",
  "12345678",
  "qwerty",
  "letmein",
  "hunter2",
  "default",
  "string",
  "value",
  "apikey",
  "api_key",
  "mypassword",
  "yourpassword",
]);

/** Documented example credentials from provider documentation (AWS). */
export const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "AKIAI44QH8DHBEXAMPLE",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
]);

/** A hex digest alone: MD5 (32), SHA-1 or a git commit id (40), SHA-256 (64), SHA-512 (128). */
export const HEX_DIGEST =
  /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;

/** A UUID (any version), with or without braces. */
export const UUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** An alphabet or digit run that marks a made-up value: abcdefgh, 12345678, ABCDEFGH. */
export const SEQUENTIAL_RUN =
  /abcdefgh|bcdefghi|ghijklmn|nopqrstu|stuvwxyz|12345678|23456789|ABCDEFGH|IJKLMNOP|QRSTUVWX/;

/** True when a value uses so few distinct characters that it is filler (aaaa..., 0000...). */
export function lowDiversity(value: string): boolean {
  const distinct = new Set(value).size;
  if (value.length < 12) return distinct <= 2 && value.length >= 3;
  return distinct < 6 || (value.length <= 100 && /(.)\1{7,}/.test(value));
}

/**
 * True when `value` is not a leaked credential. Hash, UUID and commit-id shapes are only allowed
 * for generic formats: a value with a provider prefix is a credential even when it is hex.
 */
export function isAllowlisted(value: string, generic: boolean): boolean {
  if (DOCUMENTED_EXAMPLES.has(value)) return true;
  if (PLACEHOLDER_MARKER.test(value) || SEQUENTIAL_RUN.test(value) || lowDiversity(value)) return true;
  const bare = value.replace(/^["'`]|["'`]$/g, "");
  if (PLACEHOLDER_VALUES.has(bare.toLowerCase())) return true;
  if (generic && (HEX_DIGEST.test(bare) || UUID.test(bare))) return true;
  return false;
}
