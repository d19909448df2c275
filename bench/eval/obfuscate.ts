/**
 * Obfuscations for the evaluation: the encodings and character tricks that bypass most
 * detectors. Each takes a plain text and returns a disguised one; the detector must see through
 * them with the normaliser's views. Deterministic (no randomness).
 */

const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: "\u0430",
  c: "\u0441",
  e: "\u0435",
  i: "\u0456",
  o: "\u043e",
  p: "\u0440",
  x: "\u0445",
  y: "\u0443",
  A: "\u0410",
  E: "\u0415",
  O: "\u041e",
};

const LEET: Readonly<Record<string, string>> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };

export const obfuscations = {
  /** the whole message base64-encoded, as some attackers send it */
  base64: (text: string) => Buffer.from(text).toString("base64"),
  hex: (text: string) => Buffer.from(text).toString("hex"),
  /** Cyrillic look-alikes for Latin letters */
  homoglyphs: (text: string) => [...text].map((character) => HOMOGLYPHS[character] ?? character).join(""),
  /** a zero-width space inside every word */
  "zero-width": (text: string) => text.replace(/(\p{L})(\p{L})/gu, "$1\u200b$2"),
  /** the message hidden in Unicode tag characters behind a harmless visible line */
  "tag-characters": (text: string) =>
    `Thanks for your help! ${[...text].map((character) => String.fromCodePoint(0xe0000 + ((character.codePointAt(0) ?? 32) % 128))).join("")}`,
  /** "i g n o r e  a l l": letters split by spaces, words by two spaces */
  "spaced-letters": (text: string) =>
    text
      .split(/\s+/)
      .map((word) => [...word].join(" "))
      .join("  "),
  leetspeak: (text: string) => text.replace(/[aeiost]/g, (letter) => LEET[letter] ?? letter),
} as const satisfies Record<string, (text: string) => string>;

export type ObfuscationName = keyof typeof obfuscations;
export const obfuscationNames = Object.keys(obfuscations) as ObfuscationName[];
