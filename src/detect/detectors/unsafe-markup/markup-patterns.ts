/**
 * The pattern catalogue of unsafe-markup. Every pattern is linear: no nested quantifiers, and every
 * repetition over arbitrary text is bounded.
 */

/** The start of an HTML tag and its name (`<script`, `< img`, `<svg:svg`). */
export const TAG_OPEN = /<\s{0,5}([a-zA-Z][a-zA-Z0-9:-]{0,30})(?=[\s/>]|$)/g;
/** How far past `<name` the scanner looks for the closing `>` of a tag. */
export const MAX_TAG_CHARS = 2_000;

/** Elements that run script or embed other documents. */
export const SCRIPT_ELEMENTS: ReadonlySet<string> = new Set(["script"]);
export const FRAME_ELEMENTS: ReadonlySet<string> = new Set(["iframe", "frame", "frameset"]);
export const OBJECT_ELEMENTS: ReadonlySet<string> = new Set(["object", "embed", "applet"]);

/** An inline event-handler attribute: ` onerror=`, `/onload =`, `"onfocus=`. */
export const EVENT_HANDLER_ATTRIBUTE = /(?:^|[\s"'/])(on[a-z]{3,25})\s{0,5}=/i;

/** `http-equiv="refresh"` on a meta element. */
export const META_REFRESH = /http-equiv\s{0,5}=\s{0,5}["']?\s{0,5}refresh/i;

/** A URL-bearing attribute and its value (quoted or bare). */
export const URL_ATTRIBUTE =
  /(?:^|[\s"'/])(href|src|action|formaction|xlink:href|data|background|poster|srcdoc|lowsrc|dynsrc|codebase)\s{0,5}=\s{0,5}("[^"]{0,4000}"|'[^']{0,4000}'|[^\s>]{1,4000})/gi;

/** A script-running URL scheme, after entities are decoded and whitespace and controls removed. */
export const SCRIPT_URL_SCHEME = /^(?:java|vb|live)script:/i;

/** A data: URL that a browser renders as a document or as script-capable SVG. */
export const DATA_DOCUMENT_URL =
  /^data:(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/javascript|application\/javascript)/i;

/** Markdown link and image targets: `](target` (the target ends at whitespace or `)`). */
export const MARKDOWN_TARGET = /\]\(\s{0,5}<?([^\s)>]{1,4000})/g;
/** Reference-style link definitions: `[id]: target`. */
export const MARKDOWN_REFERENCE = /^ {0,3}\[[^\]\n]{1,200}\]:\s{0,5}<?([^\s>]{1,4000})/gm;

/** Dangerous CSS: IE expressions, imports, script URLs, XBL bindings and IE behaviours. */
export const DANGEROUS_CSS =
  /expression\s{0,5}\(|@import|url\s{0,5}\(\s{0,5}["']?\s{0,5}(?:java|vb)script:|-moz-binding|behavior\s{0,5}:/i;

/** A style attribute and its value. */
export const STYLE_ATTRIBUTE =
  /(?:^|[\s"'/])style\s{0,5}=\s{0,5}("[^"]{0,4000}"|'[^']{0,4000}'|[^\s>]{1,4000})/i;

/** How much of a `<style>` element's body is inspected. */
export const MAX_STYLE_BODY = 20_000;

/** HTML character references: `&#58;`, `&#x3A;`, `&colon;` (named ones that matter for URLs). */
export const CHARACTER_REFERENCE =
  /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(colon|tab|newline|lpar|rpar|sol|period));?/g;

const NAMED: Readonly<Record<string, string>> = {
  colon: ":",
  tab: "\t",
  newline: "\n",
  lpar: "(",
  rpar: ")",
  sol: "/",
  period: ".",
};

/** Decodes character references and drops whitespace and control characters, as URL parsers do. */
export function normalizeUrlValue(value: string): string {
  const unquoted = value.replace(/^["']|["']$/g, "");
  const decoded = unquoted.replace(
    CHARACTER_REFERENCE,
    (_match, decimal?: string, hex?: string, name?: string) => {
      if (decimal !== undefined) return safeCodePoint(Number.parseInt(decimal, 10));
      if (hex !== undefined) return safeCodePoint(Number.parseInt(hex, 16));
      return NAMED[(name ?? "").toLowerCase()] ?? "";
    },
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what the URL parser strips
  return decoded.replace(/[\s\u0000-\u001f\u007f]+/g, "");
}

function safeCodePoint(value: number): string {
  return Number.isFinite(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "";
}
