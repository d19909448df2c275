import { fnvRange } from "./model/hashed-features.js";

/**
 * The explicit-abuse lexicon, shipped as hashes of folded terms (models/toxicity/lexicon.json) so
 * that the repository does not carry the word lists in clear. Built by the training script from
 * the surge-ai profanity list and the LDNOOBW list.
 */
export type LexiconType = "slur" | "sexual" | "profanity" | "insult";

/** Leetspeak and symbol substitutions folded inside words ("sh1t", "b!tch", "@ss"). */
export const LEET_MAP: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "+": "t",
  "€": "e",
  "|": "l",
};
/**
 * A token for lexicon lookup: letters and digits with the obfuscation symbols above and inner
 * * . - _ ' (the reference definition; `lexiconTokens` implements it with a character table).
 */
export const LEXICON_TOKEN = /[\p{L}\p{N}@$!+€|][\p{L}\p{N}@$!+€|*._'’-]{0,40}/gu;
export const MAX_TOKEN_CHARS = 41;

/** Character classes for the token scanner: 1 starts or continues a token, 2 only continues it. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 48; code <= 57; code++) ASCII_CLASS[code] = 1;
for (let code = 65; code <= 90; code++) ASCII_CLASS[code] = 1;
for (let code = 97; code <= 122; code++) ASCII_CLASS[code] = 1;
for (const symbol of "@$!+|") ASCII_CLASS[symbol.charCodeAt(0)] = 1;
for (const symbol of "*._'-") ASCII_CLASS[symbol.charCodeAt(0)] = 2;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function characterClass(code: number, character: string): number {
  if (code < 128) return ASCII_CLASS[code] ?? 0;
  if (code === 0x2019) return 2;
  if (code === 0x20ac) return 1;
  return LETTER_OR_DIGIT.test(character) ? 1 : 0;
}

/**
 * Tokens of a text as LEXICON_TOKEN defines them, found with a character table instead of a
 * Unicode regular expression (the lexicon scan is the detector's hottest loop). Trailing
 * continuation characters are dropped. Calls `visit(raw, start)` for each token.
 */
export function lexiconTokens(text: string, visit: (raw: string, start: number) => void): void {
  let start = -1;
  let lastCore = -1;
  const flush = () => {
    if (start >= 0 && lastCore >= start) visit(text.slice(start, lastCore + 1), start);
    start = -1;
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const kind = characterClass(code, code < 128 ? "" : (text[index] ?? ""));
    if (kind === 0 || (start < 0 && kind === 2)) {
      flush();
      continue;
    }
    if (start < 0) start = index;
    if (kind === 1) lastCore = index;
    if (index - start + 1 >= MAX_TOKEN_CHARS) flush();
  }
  flush();
}
/** Runs of three or more identical characters. */
export const CHARACTER_RUN = /(.)\1{2,}/gu;
/** Terms common in ordinary English that are abusive only in some contexts ("cock", "hoe"). */
export const AMBIGUOUS_TERMS: ReadonlySet<string> = new Set(
  "69 abbie bates bbc buttermilk cholo coolie greaser gyp cock pussy hoe hoes balls ball crack bone screw screwing bang blow beaver bush nuts pecker tit tits dick shag knob muff rubber snatch wang willy johnson jugs melons queer gay homo negro oriental redneck hooker pawn sausage junk package hump erect erection booty thug ghetto wetback twink ass asses damn hell sucks crap piss pissed".split(
    " ",
  ),
);
export const MAX_TERM_WORDS = 4;

/** Lower-cases, folds leetspeak inside words that contain letters, and drops inner punctuation. */
export function foldToken(token: string): string {
  const lower = token.toLowerCase();
  const hasLetter = /\p{L}/u.test(lower);
  let out = "";
  for (const character of lower) {
    if (
      character === "*" ||
      character === "." ||
      character === "_" ||
      character === "-" ||
      character === "'" ||
      character === "’"
    )
      continue;
    out += hasLetter ? (LEET_MAP[character] ?? character) : character;
  }
  return out;
}

/** Keys under which a folded token is looked up: runs collapsed to one and to two characters. */
export function lookupKeys(folded: string): string[] {
  if (!/(.)\1\1/u.test(folded)) return [folded];
  const single = folded.replace(CHARACTER_RUN, "$1");
  const double = folded.replace(CHARACTER_RUN, "$1$1");
  return single === double ? [single] : [double, single];
}

const SEED_A = 0x811c9dc5;
const SEED_B = fnvRange(0x811c9dc5, "~", 0, 1);
const SPACE = " ";

/** A 53-bit key from two FNV-1a hashes, streamable word by word. */
export interface TermHashState {
  readonly a: number;
  readonly b: number;
}

export function startHash(word: string): TermHashState {
  return { a: fnvRange(SEED_A, word, 0, word.length), b: fnvRange(SEED_B, word, 0, word.length) };
}

export function extendHash(state: TermHashState, word: string): TermHashState {
  const a = fnvRange(fnvRange(state.a, SPACE, 0, 1), word, 0, word.length);
  const b = fnvRange(fnvRange(state.b, SPACE, 0, 1), word, 0, word.length);
  return { a, b };
}

export function hashKey(state: TermHashState): number {
  return state.a * 2 ** 21 + (state.b >>> 11);
}

/** The key of a whole folded term ("beat my meat"), as matchLexicon computes it. */
export function termKey(folded: string): number {
  const [first = "", ...rest] = folded.split(" ");
  let state = startHash(first);
  for (const word of rest) state = extendHash(state, word);
  return hashKey(state);
}

export interface LexiconEntry {
  readonly type: LexiconType;
  readonly severity: number;
  readonly ambiguous: boolean;
}

export interface LexiconMatch extends LexiconEntry {
  readonly start: number;
  readonly end: number;
}

export interface Lexicon {
  readonly terms: ReadonlyMap<number, LexiconEntry>;
  /** keys of the leading words of multi-word terms: only these phrases are extended */
  readonly prefixes: ReadonlySet<number>;
}

interface Token {
  /** lookup keys of the token with their hash states (cached per distinct token) */
  readonly forms: readonly TokenForm[];
  readonly start: number;
  readonly end: number;
}

interface TokenForm {
  readonly key: string;
  readonly hash: TermHashState;
}

/** Folded forms by raw token, kept across texts (common words recur); cleared when full. */
const tokenForms = new Map<string, readonly TokenForm[]>();
const MAX_CACHED_TOKENS = 20_000;

/** Finds lexicon terms (one to four words) in a text. Linear; folding and hashing are cached per distinct token. */
export function matchLexicon(text: string, lexicon: Lexicon, maxChars: number): LexiconMatch[] {
  const tokens: Token[] = [];
  const cache = tokenForms;
  if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
  const bounded = text.length > maxChars ? text.slice(0, maxChars) : text;
  lexiconTokens(bounded, (raw, start) => {
    let forms = cache.get(raw);
    if (forms === undefined) {
      const folded = foldToken(raw);
      forms = folded.length === 0 ? [] : lookupKeys(folded).map((key) => ({ key, hash: startHash(key) }));
      cache.set(raw, forms);
    }
    if (forms.length > 0) tokens.push({ forms, start, end: start + raw.length });
  });
  const matches: LexiconMatch[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const first = tokens[index];
    if (first === undefined) continue;
    let best: LexiconMatch | undefined;
    for (const form of first.forms) {
      let state = form.hash;
      let key = hashKey(state);
      let entry = lexicon.terms.get(key);
      if (entry !== undefined) best = { ...entry, start: first.start, end: first.end };
      for (let size = 2; size <= MAX_TERM_WORDS && lexicon.prefixes.has(key); size++) {
        const next = tokens[index + size - 1];
        if (next === undefined) break;
        state = extendHash(state, next.forms[0]?.key ?? "");
        key = hashKey(state);
        entry = lexicon.terms.get(key);
        if (entry !== undefined) best = { ...entry, start: first.start, end: next.end };
      }
    }
    if (best !== undefined) matches.push(best);
  }
  return matches;
}
