import { FIRST_NAMES } from "./lexicon/first-names.js";
import {
  AMBIGUOUS_FIRST_NAMES,
  NAME_SUFFIXES,
  NOT_NAMES,
  TITLES,
  TITLES_NEED_DOT,
} from "./lexicon/name-words.js";
import { SURNAMES } from "./lexicon/surnames.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";
import { precededByPhrase, type Token } from "./tokens.js";

/** Phrases that introduce a name, in English, French, German and Spanish (lower case). */
export const NAME_INTRODUCTIONS: ReadonlySet<string> = new Set([
  "my name is",
  "name is",
  "name's",
  "name",
  "called",
  "named",
  "signed",
  "regards",
  "best regards",
  "kind regards",
  "sincerely",
  "je m'appelle",
  "m'appelle",
  "je suis",
  "nom",
  "ich heiße",
  "ich heisse",
  "ich bin",
  "mein name ist",
  "heißt",
  "heisst",
  "me llamo",
  "se llama",
  "mi nombre es",
  "soy",
  "nombre",
]);

/** Lower-case particles inside a name, read from the text after a name word (" de la ", " van "). */
const PARTICLE_RUN = /(?: (?:de|da|di|del|della|der|den|van|von|la|le|du|dos|das|y|zu)){1,2} (?=\p{Lu})/uy;

const MAX_NAME_TOKENS = 4;

function isNameWord(token: Token | undefined): token is Token {
  return token?.capitalised === true && !NOT_NAMES.has(token.lower) && token.text.length > 1;
}

/**
 * Extends a name from token `first` over following capitalised words, particles between them,
 * single-letter initials and suffixes (MD, Jr). Returns the index of the last token of the name.
 */
function extendName(text: string, tokens: readonly Token[], first: number): number {
  let last = first;
  while (last - first < MAX_NAME_TOKENS) {
    const current = tokens[last];
    const next = last + 1;
    const candidate = tokens[next];
    if (!current || !candidate) break;
    const gap = text.slice(current.end, candidate.start);
    const initial = current.text.length === 1 && gap === ". ";
    PARTICLE_RUN.lastIndex = current.end;
    const particles = gap.length > 1 && PARTICLE_RUN.exec(text)?.[0] === gap;
    if (gap !== " " && !initial && !particles) break;
    const isInitial =
      candidate.text.length === 1 && candidate.capitalised && text.charAt(candidate.end) === ".";
    const isSuffix = NAME_SUFFIXES.has(candidate.lower) && (candidate.allCaps || candidate.capitalised);
    if (!isNameWord(candidate) && !isInitial && !isSuffix) break;
    last = next;
    if (isSuffix) break;
  }
  return last;
}

function precededByTitle(text: string, tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  const current = tokens[index];
  if (!previous || !current || !TITLES.has(previous.lower) || !previous.text.match(/^\p{Lu}/u)) return false;
  const gap = text.slice(previous.end, current.start);
  if (gap === ". ") return true;
  return gap === " " && !TITLES_NEED_DOT.has(previous.lower);
}

/** PERSON: titles, introduction phrases, and given-name and family-name lexicons with capitalisation. */
export function recognizePersons(text: string, tokens: readonly Token[]): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  let index = 0;
  while (index < tokens.length && found.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    const token = tokens[index];
    if (!isNameWord(token) || TITLES.has(token.lower)) {
      index++;
      continue;
    }
    const last = extendName(text, tokens, index);
    const end = tokens[last]?.end ?? token.end;
    const length = last - index + 1;
    const knownFirst = FIRST_NAMES.has(token.lower);
    const knownFamily = tokens.slice(index + 1, last + 1).some((part) => SURNAMES.has(part.lower));
    let score = 0;
    if (precededByTitle(text, tokens, index)) score = 0.85;
    else if (precededByPhrase(text, token.start, NAME_INTRODUCTIONS)) score = 0.8;
    else if (knownFirst && length > 1) score = knownFamily ? 0.85 : 0.7;
    else if (knownFirst && !AMBIGUOUS_FIRST_NAMES.has(token.lower)) score = 0.6;
    else if (length > 1 && knownFamily) score = 0.6;
    if (score > 0) {
      found.push({ type: "PERSON", rule: "person", start: token.start, end, score: clampScore(score) });
      index = last + 1;
    } else index++;
  }
  return found;
}
