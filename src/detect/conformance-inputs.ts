/**
 * Hostile inputs for the conformance suite: broken Unicode, binary junk, huge text and
 * strings built to make backtracking regular expressions explode.
 */

export const TEN_MEGABYTES = 10 * 1024 * 1024;
export const ADVERSARIAL_LENGTH = 100 * 1024;

/** Deterministic pseudo-random generator (mulberry32), so junk is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random UTF-16 units, lone surrogates included, as if binary data had been read as text. */
export function binaryJunk(length: number, seed = 7): string {
  const random = seededRandom(seed);
  let out = "";
  for (let index = 0; index < length; index++) out += String.fromCharCode(Math.floor(random() * 0x10000));
  return out;
}

/** Random bytes read as Latin-1 (what a binary file piped to stdin can look like). */
export function latin1Junk(length: number, seed = 11): string {
  const random = seededRandom(seed);
  let out = "";
  for (let index = 0; index < length; index++) out += String.fromCharCode(Math.floor(random() * 256));
  return out;
}

export function badInputs(): string[] {
  return [
    "",
    " ",
    "\u0000",
    "\uD800",
    "\uDC00",
    "abc\uD800def\uDC00ghi\uDBFF",
    "\uDC00\uD800".repeat(500),
    binaryJunk(4096),
    latin1Junk(4096),
    "\u{E0041}".repeat(300),
    "\u200B".repeat(2000),
    "\uFE0F".repeat(2000),
    "\u202E".repeat(500),
    "\u0301".repeat(2000),
    "🏴".repeat(200),
  ];
}

function fill(unit: string, length = ADVERSARIAL_LENGTH): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * 100 KB inputs aimed at common regex shapes: long runs of one class followed by a character
 * that makes the match fail, repeated separators, nested-looking structure, encoding alphabets,
 * and repeated near-matches of typical detector patterns (emails, IPs, URLs, markup, keys).
 */
export function adversarialInputs(): { name: string; text: string }[] {
  return [
    { name: "one letter repeated, then a failing character", text: `${fill("a", ADVERSARIAL_LENGTH - 1)}!` },
    { name: "letters and spaces", text: fill("a ") },
    { name: "single letters with dots", text: fill("a.") },
    { name: "single letters with dashes", text: fill("a-") },
    { name: "digits", text: `${fill("1", ADVERSARIAL_LENGTH - 1)}x` },
    { name: "digits and spaces", text: fill("1 ") },
    { name: "digits and dots", text: fill("1.") },
    { name: "hex alphabet", text: `${fill("deadbeef0", ADVERSARIAL_LENGTH - 1)}z` },
    { name: "base64 alphabet", text: `${fill("QUFB+/", ADVERSARIAL_LENGTH - 2)}=!` },
    { name: "padding", text: fill("=") },
    { name: "percent signs", text: fill("%2") },
    { name: "backslash-x escapes", text: fill("\\x4") },
    { name: "at signs", text: fill("a@") },
    { name: "email-like", text: fill("a.b@c.") },
    { name: "url-like", text: fill("http://a") },
    { name: "query strings", text: fill("?a=b&") },
    { name: "markdown image openers", text: fill("![") },
    { name: "markdown links", text: fill("[a](") },
    { name: "angle brackets", text: fill("<") },
    { name: "open tags", text: fill("<a ") },
    { name: "script-like", text: fill("<script") },
    { name: "parentheses", text: fill("((") },
    { name: "brackets", text: fill("[{") },
    { name: "quotes", text: fill("\"'`") },
    { name: "newlines", text: fill("\n") },
    { name: "spaces then a letter", text: `${fill(" ", ADVERSARIAL_LENGTH - 1)}a` },
    { name: "tabs and carriage returns", text: fill("\t\r") },
    { name: "shell pipes", text: fill("| sh ") },
    { name: "slashes", text: fill("/") },
    { name: "dashes", text: fill("-") },
    { name: "underscores and words", text: fill("sk_live_") },
    { name: "key-like prefixes", text: fill("AKIA") },
    { name: "repeated phrase", text: fill("ignore previous ") },
    { name: "role tokens", text: fill("<|im_start|>") },
    { name: "zero-width between letters", text: fill("a\u200B") },
    { name: "tag characters", text: fill("\u{E0061}") },
    { name: "combining marks", text: fill("a\u0301\u0302") },
    { name: "mixed scripts", text: fill("аa") },
    { name: "emoji with joiners", text: fill("👨\u200D") },
    { name: "binary junk", text: binaryJunk(ADVERSARIAL_LENGTH, 3) },
  ];
}
