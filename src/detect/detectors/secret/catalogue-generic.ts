import { findAssignments, findPemPrivateKeys, jwtHeaderDecodes } from "./find-structured.js";
import { characterClasses, type SecretFormat, shannonEntropy } from "./secret-format.js";

/** Values that are code rather than a literal secret: calls, variables, paths, URLs, templates. */
const CODE_LIKE =
  /^(?:\$|%|\{|\[|\(|<|&|@|#|\/|\.\/|~\/)|\(|^[a-z][a-z0-9+.-]{1,15}:\/\/|^[A-Za-z_]\w{0,40}(?:\.[A-Za-z_]\w{0,40}){1,6}$|^(?:true|false|null|none|nil|undefined|os\.|process\.|env\.|self\.|this\.|config\.|settings\.)/i;

/** A value that is base64 of plain words ("dummy text data") is an encoded string, not a key. */
function base64OfText(value: string): boolean {
  if (!/^[A-Za-z0-9+/]{12,}={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, "base64").toString("latin1");
  return /^[A-Za-z][A-Za-z ,.'!?-]{6,}$/.test(decoded) && decoded.includes(" ");
}

/** The user part of `scheme://user:password@host`. */
function userOf(whole: string): string {
  const afterScheme = whole.slice(whole.indexOf("://") + 3);
  return afterScheme.slice(0, afterScheme.indexOf(":"));
}

/** A password in a URL that is not a template, a repeated user name or a trivially short value. */
function realPassword(password: string, whole: string): boolean {
  if (password.length < 4 || new Set(password).size <= 2) return false;
  if (/^\$\(|^\{.*\}$|^\$[A-Za-z_]/.test(password)) return false;
  return password.toLowerCase() !== userOf(whole).toLowerCase();
}

/** Structured credentials (keys, tokens, URLs with passwords) and keyword assignments. */
export const genericFormats: readonly SecretFormat[] = [
  {
    id: "private-key",
    description:
      "PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP), also inside JSON strings such as a GCP service account's private_key.",
    find: findPemPrivateKeys,
    keywords: ["private key"],
    ownPlaceholderCheck: true,
    severity: "critical",
    score: 0.95,
  },
  {
    id: "jwt",
    description: "JSON Web Token: three base64url parts whose header decodes to JSON with an `alg`.",
    pattern:
      /\b(?<secret>eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,1000})(?![A-Za-z0-9_-])/dg,
    keywords: ["eyj"],
    severity: "high",
    score: 0.85,
    validate: jwtHeaderDecodes,
  },
  {
    id: "connection-string",
    description:
      "Database and broker URL with a password (postgres, mysql, mongodb(+srv), redis, amqp, mssql, jdbc, ldap, smtp).",
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]{2,12}|ldaps?|smtps?|ftps?|sftp|nats|kafka|clickhouse|cockroachdb|neo4j(?:\+s)?|bolt|couchbase):\/\/[^\s:@/"']{0,64}:(?<secret>[^\s@/"']{1,128})@[^\s/"']{1,256}/dgi,
    keywords: ["://"],
    severity: "critical",
    score: 0.9,
    validate: (value, whole) => realPassword(value, whole),
  },
  {
    id: "url-credentials",
    description: "HTTP(S) URL with a user name and password (basic authentication in the URL).",
    pattern: /\bhttps?:\/\/[^\s:@/"']{1,64}:(?<secret>[^\s@/"']{3,128})@[A-Za-z0-9.-]{1,253}/dgi,
    keywords: ["://"],
    severity: "high",
    score: 0.85,
    validate: (value, whole) => realPassword(value, whole),
  },
  {
    id: "authorization-header",
    description: "Authorization header value: Basic, Bearer or Token credentials.",
    pattern:
      /\bAuthorization["']?[ \t]{0,3}[:=][ \t]{0,3}["']?(?:(?:Basic|Bearer|Token|Api-Token|Bot|Digest)[ \t]{1,3})?(?<secret>[A-Za-z0-9._~+/=@-]{16,2000})/dgi,
    keywords: ["authorization"],
    minEntropy: 3,
    severity: "high",
    score: 0.85,
  },
  {
    id: "curl-user-password",
    description: "curl -u / --user with user:password on the command line.",
    pattern:
      /\bcurl\b(?:[^\n\\]|\\[\s\S]){0,300}?\s(?:-u|--user)[ \t]{1,3}["']?(?<secret>[^\s"':]{0,64}["']?:["']?[^\s"']{0,128})/dg,
    keywords: ["curl"],
    severity: "high",
    score: 0.8,
    validate: (value) => {
      const [user = "", password = ""] = value.replace(/["']/g, "").split(":");
      const secret = password.length > 0 ? password : user;
      return characterClasses(secret) >= 2 && secret.length >= 6 && !/^\$|^\{|^\[|^<|\$\{/.test(secret);
    },
  },
  {
    id: "generic-password",
    description:
      'Password, secret, token or API-key assignment (`password = "..."`, `api_key: ...`) whose value looks random: at least two character classes and enough entropy.',
    find: findAssignments,
    keywords: ["pass", "pwd", "secret", "key", "token", "credential", "bearer"],
    severity: "high",
    score: 0.7,
    generic: true,
    validate: (value) =>
      !CODE_LIKE.test(value) &&
      !base64OfText(value) &&
      !/^[a-z]+(?:[_.-][a-z]+)*$/i.test(value) &&
      characterClasses(value) >= 2 &&
      value.length >= 10 &&
      shannonEntropy(value) >= 3,
  },
];
