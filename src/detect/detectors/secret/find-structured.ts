import { z } from "zod";
import type { SecretMatch } from "./secret-format.js";

/** The header of a JSON Web Token: a JSON object that names its algorithm. */
const jwtHeaderSchema = z.object({ alg: z.string().min(1) });

/** True when the first dot-separated part of a JWT decodes to a JSON header with `alg`. */
export function jwtHeaderDecodes(token: string): boolean {
  const header = token.slice(0, token.indexOf("."));
  try {
    const json: unknown = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    return jwtHeaderSchema.safeParse(json).success;
  } catch {
    return false;
  }
}

/** The opening line of a PEM private key block (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP...). */
export const PEM_BEGIN = /-----BEGIN[ A-Z0-9]{0,30} PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = "-----END";
/** The longest key body looked at; a PEM block longer than this is cut (still reported). */
const PEM_MAX_BODY = 16_384;
/** Body characters: base64, line breaks, escaped line breaks inside JSON strings, header lines. */
const PEM_BODY_CHARACTERS = /[A-Za-z0-9+/=]/g;

/**
 * PEM private keys: each BEGIN line, then the END line searched with indexOf within a bounded
 * window; the next search starts after the block, so the scan is linear. The body must carry at
 * least 64 base64 characters (a header alone or `...` is not a key).
 */
export function findPemPrivateKeys(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  PEM_BEGIN.lastIndex = 0;
  let match = PEM_BEGIN.exec(text);
  while (match) {
    const bodyStart = match.index + match[0].length;
    const endAt = text.indexOf(PEM_END, bodyStart);
    const limit = bodyStart + PEM_MAX_BODY;
    const bodyEnd = endAt >= 0 && endAt <= limit ? endAt : Math.min(text.length, limit);
    const body = text.slice(bodyStart, bodyEnd).replace(/\\n/g, "\n");
    const base64Count = body.match(PEM_BODY_CHARACTERS)?.length ?? 0;
    const placeholder = /\.\.\.|x{6,}|<[^>]{1,40}>/i.test(body);
    if (base64Count >= 64 && !placeholder) {
      const closing = endAt >= 0 && endAt <= limit ? text.indexOf("-----", endAt + PEM_END.length) : -1;
      const end = closing >= 0 ? closing + 5 : bodyEnd;
      found.push({ start: match.index, end });
      PEM_BEGIN.lastIndex = end;
    } else PEM_BEGIN.lastIndex = bodyStart;
    match = PEM_BEGIN.exec(text);
  }
  return found;
}

/** A key name that announces a secret value in an assignment. */
export const SECRET_KEY_NAME =
  /(?:password|passwd|passphrase|pwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|client[_-]?secret|private[_-]?key|bearer|token|credentials?)/gi;
/** After the key name: the rest of the identifier, a separator (`:` only before a space or quote), a quote. */
const ASSIGNMENT_TAIL = /([A-Za-z0-9_.-]{0,24})["'\]]?[ \t]{0,3}(?::=|=>|=|:(?=[ \t"'`]))[ \t]{0,3}["'`]?/y;
/** Identifier characters before the key name (`db_password`, `stripeApiKey`). */
const IDENTIFIER_CHARACTER = /[A-Za-z0-9_.-]/;
/**
 * Key names that hold something else than a secret: ids, names, URLs, lengths, files, public keys,
 * CSRF tokens, secret stores.
 */
export const NOT_SECRET_KEY =
  /(?:id|ids|name|names|url|uri|urls|length|len|size|file|path|dir|type|count|prefix|suffix|format|header|field|version|endpoint|mode|policy|expiry|expires|timeout|secrets|ref|label|hint|enabled|required|min|max|pattern|regex)$|^public|public[_.-]?(?:key|token)|csrf|xsrf|nonce|^_?(?:num|max|min)/i;
/** The assigned value: up to 200 characters that end at a quote, whitespace, comma or semicolon. */
const ASSIGNED_VALUE = /[^\s"'`;,<>]{6,200}/y;

/** A value cut short by a template or placeholder marker ("sk-<your-key>", "ghp_${TOKEN}"). */
const TEMPLATE_CONTINUATION = /[<>{$]/;

/** Generic assignments `password = "..."`, `api_key: ...` (values are checked by the format). */
export function findAssignments(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  SECRET_KEY_NAME.lastIndex = 0;
  let match = SECRET_KEY_NAME.exec(text);
  while (match && found.length < 5_000) {
    ASSIGNMENT_TAIL.lastIndex = match.index + match[0].length;
    const tail = ASSIGNMENT_TAIL.exec(text);
    let identifierStart = match.index;
    while (
      identifierStart > 0 &&
      match.index - identifierStart < 40 &&
      IDENTIFIER_CHARACTER.test(text.charAt(identifierStart - 1))
    )
      identifierStart--;
    const identifier = tail
      ? text.slice(identifierStart, match.index + match[0].length + (tail[1]?.length ?? 0))
      : "";
    if (tail && !NOT_SECRET_KEY.test(identifier)) {
      ASSIGNED_VALUE.lastIndex = ASSIGNMENT_TAIL.lastIndex;
      const value = ASSIGNED_VALUE.exec(text);
      const continuesAsTemplate =
        value && TEMPLATE_CONTINUATION.test(text.charAt(value.index + value[0].length));
      if (value && !continuesAsTemplate) {
        found.push({ start: value.index, end: value.index + value[0].length });
        SECRET_KEY_NAME.lastIndex = value.index + value[0].length;
      }
    }
    match = SECRET_KEY_NAME.exec(text);
  }
  return found;
}
