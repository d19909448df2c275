import { FIRST_NAMES } from "./lexicon/first-names.js";
import {
  AMBIGUOUS_FIRST_NAMES,
  NAME_SUFFIXES,
  NOT_NAMES,
  TITLES,
  TITLES_NEED_DOT,
} from "./lexicon/name-words.js";
import { PLACES } from "./lexicon/places.js";
import { SURNAMES } from "./lexicon/surnames.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";
import { joinedBySpace, precededByPhrase, type Token } from "./tokens.js";

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
  "dear",
  "attn",
  "c/o",
  "cher",
  "chère",
  "liebe",
  "lieber",
  "geehrte",
  "geehrter",
  "estimado",
  "estimada",
  "querido",
  "querida",
  "last name",
  "first name",
  "full name",
  "surname",
  "nachname",
  "vorname",
  "prénom",
  "nom de famille",
  "apellido",
  "apellidos",
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
    const isInitial = candidate.text.length === 1 && candidate.capitalised;
    const isSuffix = NAME_SUFFIXES.has(candidate.lower) && (candidate.allCaps || candidate.capitalised);
    if (!isNameWord(candidate) && !isInitial && !isSuffix) break;
    last = next;
    if (isSuffix) break;
  }
  // a name does not end on an initial ("John I think")
  while (last > first && (tokens[last]?.text.length ?? 0) === 1) last--;
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

/** True when the token continues a place name that starts one or two words earlier ("Los Angeles"). */
function insidePlaceName(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token || !previous || !joinedBySpace(text, previous, token)) return false;
  if (PLACES.has(`${previous.lower} ${token.lower}`)) return true;
  const before = tokens[index - 2];
  return (
    before !== undefined &&
    joinedBySpace(text, before, previous) &&
    PLACES.has(`${before.lower} ${previous.lower} ${token.lower}`)
  );
}

/** PERSON: titles, introduction phrases, and given-name and family-name lexicons with capitalisation. */
/** Words after a name that say a person acts: "Anna Berg lives at", "Jonas Weber said". */
export const NAME_FOLLOWERS: ReadonlySet<string> = new Set(
  (
    "lives|lived|said|says|told|wrote|writes|asked|asks|replied|will|was|is|has|had|called|spent|works|worked|" +
    "moved|went|came|joined|left|arrived|" +
    "wohnt|sagte|schrieb|hat|ist|war|arbeitet|zog|kam|habite|dit|a|est|était|travaille|vive|dijo|escribió|tiene|es|" +
    "trabaja|se"
  ).split("|"),
);

/** Words that turn a capitalised sequence into an organisation or a street, not a person. */
export const NOT_PERSON_WORDS: ReadonlySet<string> = new Set(
  (
    "inc|ltd|llc|plc|gmbh|ag|sa|sarl|corp|corporation|company|co|group|holdings|partners|investments|capital|bank|" +
    "lines|systems|solutions|technologies|labs|foundation|university|institute|street|st|road|rd|avenue|ave|way|" +
    "drive|dr|lane|boulevard|union|bypass|flat|flats|hill|hills|park|parks|square|court|place|extensions|extension|" +
    "crossing|ridge|green|gardens|straße|strasse|platz|weg|rue|calle|avenida|plaza|pass|orchestra|band|choir|" +
    "incorporated|resources|associates|consulting|services|industries|enterprises|agency|club|royal"
  ).split("|"),
);

/** A single capital letter, with or without a dot: the middle initial in "Hanne I. Kreutzmann". */
const MIDDLE_INITIAL = /^\p{Lu}$/u;
/** A house number right after a name: "Peter Zuidhove 188" is a street named after a person. */
export const HOUSE_NUMBER_AFTER = /^ \d{1,5}[a-z]?\b/;

/** The word right after `end`, lower case, when one space separates them ("" otherwise). */
function nextWordLower(text: string, end: number): string {
  const match = NEXT_WORD.exec(text.slice(end, end + 24));
  return match?.[1]?.toLowerCase() ?? "";
}
const NEXT_WORD = /^ ([\p{L}']{1,20})/u;

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
    if (insidePlaceName(text, tokens, index)) {
      index++;
      continue;
    }
    const last = extendName(text, tokens, index);
    const end = tokens[last]?.end ?? token.end;
    const parts = tokens.slice(index, last + 1);
    const length = parts.length;
    const knownFirst = FIRST_NAMES.has(token.lower);
    const knownFamily = parts.slice(1).some((part) => SURNAMES.has(part.lower));
    const withInitial = length >= 3 && parts.slice(1, -1).some((part) => MIDDLE_INITIAL.test(part.text));
    let score = 0;
    if (precededByTitle(text, tokens, index)) score = 0.85;
    else if (precededByPhrase(text, token.start, NAME_INTRODUCTIONS)) score = 0.8;
    else if (knownFirst && length > 1) score = knownFamily ? 0.85 : 0.7;
    else if (withInitial) score = 0.75;
    else if (knownFirst && !AMBIGUOUS_FIRST_NAMES.has(token.lower)) score = 0.6;
    else if (length > 1 && knownFamily) score = 0.6;
    else if (length === 2 && NAME_FOLLOWERS.has(nextWordLower(text, end))) score = 0.6;
    const organisationOrStreet =
      parts.some((part) => NOT_PERSON_WORDS.has(part.lower)) ||
      NOT_PERSON_WORDS.has(nextWordLower(text, end)) ||
      HOUSE_NUMBER_AFTER.test(text.slice(end, end + 8));
    if (score > 0 && !organisationOrStreet) {
      found.push({ type: "PERSON", rule: "person", start: token.start, end, score: clampScore(score) });
      index = last + 1;
    } else index++;
  }
  return found;
}

/** Words that join the items of a list of names. */
const LIST_JOINS = /^(?:, | and | und | et | y | & |, and )$/;

/**
 * Lists of capitalised words ("Emma, Jonas and Kateřina") where one item is a known given name
 * (not also a family name): the other items are names too.
 */
export function recognizeNameLists(text: string, tokens: readonly Token[]): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  let index = 0;
  while (index < tokens.length && found.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    let end = index;
    while (end + 1 < tokens.length) {
      const current = tokens[end];
      const next = tokens[end + 1];
      if (!current || !next || !LIST_JOINS.test(text.slice(current.end, next.start))) break;
      end++;
    }
    const items = tokens.slice(index, end + 1);
    const allNameShaped = items.every((item) => isNameWord(item) && !PLACES.has(item.lower));
    // given names only: lists of family names alone are usually firms ("Jones, Mitchell and Williams")
    const known = items.some((item) => FIRST_NAMES.has(item.lower) && !SURNAMES.has(item.lower));
    if (items.length >= 3 && allNameShaped && known) {
      for (const item of items)
        found.push({ type: "PERSON", rule: "person.list", start: item.start, end: item.end, score: 0.6 });
    }
    index = end + 1;
  }
  return found;
}
