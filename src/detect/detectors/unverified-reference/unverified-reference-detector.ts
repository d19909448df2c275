import { z } from "zod";
import type { Finding } from "../../../core/index.js";
import { truncateExcerpt } from "../../../core/mask.js";
import type { Detector, DetectorInstance, ScanContext } from "../../detector.js";
import { API_TABLES, ECOSYSTEM_PREFIXES, KNOWN_PACKAGES } from "./known-names.js";
import {
  CITATION,
  INSTALL_COMMAND,
  MANIFEST_ADD,
  NOT_A_PACKAGE,
  NOT_AN_AUTHOR,
  PACKAGE_AFTER_KEYWORD,
} from "./reference-patterns.js";

/**
 * Names in an answer that an offline gateway cannot vouch for: packages that are not on its list of
 * known names (nor the operator's), members of built-in APIs that do not exist (JavaScript built-ins
 * and Node core modules checked against the running Node; a few Python standard modules against a
 * table), and citations of papers (never checkable offline). A finding says "not verified", not
 * "invented": the default policy annotates the name in the answer so the reader checks it.
 */
export const unverifiedReferenceOptionsSchema = z.object({
  /** package names the operator knows (internal packages, the ones its users rely on) */
  knownPackages: z.array(z.string().min(1).max(214)).max(10_000).default([]),
  /** which kinds of references to report */
  kinds: z
    .array(z.enum(["package", "api", "citation"]))
    .min(1)
    .default(["package", "api", "citation"]),
});
export type UnverifiedReferenceOptions = z.infer<typeof unverifiedReferenceOptionsSchema>;

type Kind = "package" | "api" | "citation";

interface Reference {
  readonly kind: Kind;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const ECOSYSTEM_NAME = new RegExp(
  `(?<![\\w.@/-])((?:${ECOSYSTEM_PREFIXES.join("|")})-[a-z0-9]+(?:-[a-z0-9]+){0,5})(?![\\w@/-]|\\.\\w)`,
  "gu",
);
const API_OWNERS = [...API_TABLES.keys()].sort((a, b) => b.length - a.length);
const API_REFERENCE = new RegExp(
  `(?<![\\w.$])(${API_OWNERS.map((owner) => owner.replace(/\./gu, "\\.")).join("|")})\\.([A-Za-z_$][\\w$]{0,60})`,
  "gu",
);

function packageName(raw: string): string {
  // drop a version pin (name==1.2, name@^3) but keep an npm scope (@scope/name)
  const unpinned = raw.replace(/(?<=.)@[\^~]?\d.*$/u, "").replace(/[=<>~!].*$/u, "");
  return unpinned.replace(/[.,;:]+$/u, "").toLowerCase();
}

/** File names (requirements.txt, Cargo.toml) and paths are not packages. */
const FILE_NAME = /\.(?:txt|toml|json|lock|cfg|ini|ya?ml|md|py|js|ts|sh)$|^\.{0,2}\//u;

function looksLikePackage(name: string): boolean {
  if (NOT_A_PACKAGE.has(name) || !/[a-z]/u.test(name) || name.length < 2 || FILE_NAME.test(name))
    return false;
  // a single plain word after "package" is too often prose ("the package manager"); names with
  // separators, digits or a scope read as package names
  return /[-_.@/\d]/u.test(name);
}

function findReferences(
  text: string,
  options: UnverifiedReferenceOptions,
  known: ReadonlySet<string>,
): Reference[] {
  const found: Reference[] = [];
  const kinds = new Set(options.kinds);
  if (kinds.has("package")) {
    const pushPackage = (raw: string, index: number) => {
      const name = packageName(raw);
      if (!looksLikePackage(name) || KNOWN_PACKAGES.has(name) || known.has(name)) return;
      found.push({
        kind: "package",
        name,
        start: index,
        end: index + raw.replace(/[.,;:]+$/u, "").length,
        message: `the package "${name}" is not on Rampart's list of known packages`,
      });
    };
    for (const pattern of [PACKAGE_AFTER_KEYWORD, INSTALL_COMMAND, MANIFEST_ADD, ECOSYSTEM_NAME]) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const raw = match[1] ?? "";
        pushPackage(raw, match.index + match[0].lastIndexOf(raw));
      }
    }
  }
  if (kinds.has("api")) {
    API_REFERENCE.lastIndex = 0;
    for (let match = API_REFERENCE.exec(text); match !== null; match = API_REFERENCE.exec(text)) {
      const owner = match[1] ?? "";
      const member = match[2] ?? "";
      if (API_TABLES.get(owner)?.has(member)) continue;
      found.push({
        kind: "api",
        name: `${owner}.${member}`,
        start: match.index,
        end: match.index + match[0].length,
        message: `${owner} has no member "${member}" (checked against ${/^[a-z_.]+$/u.test(owner) && !["fs", "fs.promises", "path", "crypto", "child_process", "util"].includes(owner) ? "the Python standard library" : `Node ${process.versions.node}`})`,
      });
    }
  }
  if (kinds.has("citation")) {
    CITATION.lastIndex = 0;
    for (let match = CITATION.exec(text); match !== null; match = CITATION.exec(text)) {
      const author = match[1] ?? "";
      const coauthor = match[2];
      const year = match[3] ?? "";
      const title = match[4];
      if (NOT_AN_AUTHOR.has(author)) continue;
      if (coauthor === undefined && title === undefined && !year.startsWith("(")) continue;
      found.push({
        kind: "citation",
        name: match[0].trim(),
        start: match.index,
        end: match.index + match[0].trimEnd().length,
        message: "a citation, which Rampart cannot check offline",
      });
    }
  }
  return found;
}

function createUnverifiedReference(options: UnverifiedReferenceOptions): DetectorInstance {
  const known = new Set(options.knownPackages.map((name) => name.toLowerCase()));
  return {
    detect(text: string, _context: ScanContext): Finding[] {
      const seen = new Set<string>();
      const findings: Finding[] = [];
      for (const reference of findReferences(text, options, known).sort((a, b) => a.start - b.start)) {
        // the first mention of each name only: one note per name is enough for the reader
        const key = `${reference.kind}:${reference.name.toLowerCase()}`;
        if (seen.has(key) || reference.start >= reference.end || reference.end > text.length) continue;
        seen.add(key);
        findings.push({
          detector: "unverified-reference",
          category: "unverified-reference",
          rule: `reference.${reference.kind}`,
          type: reference.kind.toUpperCase(),
          start: reference.start,
          end: reference.end,
          score: reference.kind === "api" ? 0.8 : 0.6,
          severity: "low",
          excerpt: truncateExcerpt(reference.name, 80),
          message: reference.message,
        });
      }
      return findings;
    },
  };
}

export const unverifiedReferenceDetector: Detector<UnverifiedReferenceOptions> = {
  id: "unverified-reference",
  category: "unverified-reference",
  appliesTo: ["output"],
  description:
    "Packages, API members and papers named in an answer that Rampart cannot verify offline (not on its list of known packages, no such member of a built-in API, any citation).",
  optionsSchema: unverifiedReferenceOptionsSchema,
  create: createUnverifiedReference,
};
