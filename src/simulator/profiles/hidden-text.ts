/**
 * What a naive model "sees" in a message once the usual disguises are undone: invisible characters
 * dropped, Unicode tag characters read as ASCII, Cyrillic and Greek look-alikes read as Latin,
 * leetspeak read as letters, base64 and hex blobs decoded, ROT13 decoded when the message says so,
 * and `a = "..." b = "..."` string variables joined. Shared by the vulnerable profile (which then
 * obeys what it found) and the hardened one (which treats any disguise as a warning sign).
 */

/** Zero-width characters and word joiners. */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff]/gu;
/** Unicode tag characters U+E0020..U+E007E. */
const TAGS = /[\u{e0020}-\u{e007e}]/gu;
/** A base64 blob of at least 16 characters. */
const BASE64_BLOB = /\b[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g;
/** A hex blob of at least 16 digits. */
const HEX_BLOB = /\b(?:[0-9a-fA-F]{2}){8,}\b/g;
/** A quoted string assigned to a one-letter variable: a = "...". */
const STRING_VARIABLE = /\b[a-z]\s{0,2}=\s{0,2}"([^"]{0,2000})"/g;
/** A word mixing letters and leet digits, like "1gn0r3". */
const LEET_WORD = /\b(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[013457])[a-z0-9]{3,}\b/gi;

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: "a",
  с: "c",
  е: "e",
  о: "o",
  р: "p",
  х: "x",
  у: "y",
  і: "i",
  ο: "o",
  α: "a",
  ε: "e",
  ι: "i",
};
const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };

function rot13(text: string): string {
  return text.replace(/[a-zA-Z]/g, (letter) => {
    const base = letter <= "Z" ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function printable(text: string): boolean {
  return text.length > 0 && /^[\x20-\x7e\n\r\t\u00a0-\u024f]+$/u.test(text);
}

export interface RevealedText {
  readonly text: string;
  /** true when some disguise was undone */
  readonly disguised: boolean;
}

export function revealHiddenText(raw: string): RevealedText {
  let text = raw.replace(TAGS, (character) =>
    String.fromCodePoint((character.codePointAt(0) ?? 0xe0000) - 0xe0000),
  );
  text = text.replace(INVISIBLE, "");
  text = text.replace(/[асеорхуіοαει]/gu, (character) => LOOK_ALIKES[character] ?? character);
  const additions: string[] = [];
  for (const blob of text.match(BASE64_BLOB) ?? []) {
    const decoded = Buffer.from(blob, "base64").toString("utf8");
    if (printable(decoded)) additions.push(decoded);
  }
  for (const blob of text.match(HEX_BLOB) ?? []) {
    const decoded = Buffer.from(blob, "hex").toString("utf8");
    if (printable(decoded)) additions.push(decoded);
  }
  if (/\brot-?13\b/i.test(text)) additions.push(rot13(text));
  const variables = [...text.matchAll(STRING_VARIABLE)].map((match) => match[1] ?? "");
  if (variables.length >= 2) additions.push(variables.join(""));
  const unleet = text.replace(LEET_WORD, (word) =>
    /[a-z]/i.test(word) && !/^[0-9a-f]+$/i.test(word)
      ? word.replace(/[013457]/g, (digit) => LEET[digit] ?? digit)
      : word,
  );
  if (unleet !== text) additions.push(unleet);
  const revealed = additions.length === 0 ? text : `${text}\n${additions.join("\n")}`;
  return { text: revealed, disguised: revealed !== raw };
}
