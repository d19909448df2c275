import { COMMON_WORDS } from "./lexicon/common-words.js";
import { FIRST_NAMES } from "./lexicon/first-names.js";
import { NOT_NAMES, TITLES } from "./lexicon/name-words.js";
import { PLACES } from "./lexicon/places.js";
import { SURNAMES } from "./lexicon/surnames.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";
import { HOUSE_NUMBER_AFTER, NOT_PERSON_WORDS } from "./recognize-person.js";
import { joinedBySpace, precededByPhrase, type Token } from "./tokens.js";

/**
 * Names the lexicons do not know. Most of the world's names are in no list, so this rule reads the
 * words around a capitalised sequence instead: a role or a verb of speech before it ("directed by",
 * "producer", "says"), a possessive or a verb of speech after it, a speaker's turn in a dialogue, a
 * vocative at the start of a line. Words that people usually write in lower case (COMMON_WORDS,
 * built from the prompt corpus) are ordinary words at the start of a sentence or in a heading, not
 * names, and never start a candidate.
 */

/**
 * Words right before a name that say a person follows (lower case, at most four words). Before a
 * single word only the STRONG ones count: "says Iwase", but not "add Turkish" or "actress Nominated".
 */
export const STRONG_PERSON_CUES: ReadonlySet<string> = new Set([
  "says",
  "said",
  "according to",
  "speak to",
  "speak with",
  "talk to",
  "talk with",
  "spoke to",
  "spoke with",
  "talked to",
  "i'm",
  "i am",
  "call me",
  "hello",
  "hi",
  "sagte",
  "sagt",
  "laut",
  "selon",
  "a dit",
  "bonjour",
  "según",
  "dijo",
  "hola",
]);

/** Roles, authorship and actions before a name of at least two words ("directed by Wacława Adamska"). */
export const PERSON_CUES_BEFORE: ReadonlySet<string> = new Set([
  // English: authorship and roles
  "directed by",
  "written by",
  "produced by",
  "performed by",
  "composed by",
  "painted by",
  "created by",
  "founded by",
  "edited by",
  "hosted by",
  "led by",
  "played by",
  "sung by",
  "signed by",
  "approved by",
  "reviewed by",
  "submitted by",
  "starring",
  "featuring",
  "features",
  "producer",
  "director",
  "player",
  "singer",
  "songwriter",
  "actor",
  "actress",
  "author",
  "writer",
  "novelist",
  "poet",
  "painter",
  "artist",
  "composer",
  "journalist",
  "reporter",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "founder",
  "co-founder",
  "colleague",
  "coach",
  "assistant to",
  "tribute to",
  "married to",
  "son of",
  "daughter of",
  "wife of",
  "husband of",
  // English: address and records
  "this is",
  "meet",
  "met",
  "thanks",
  "thank you",
  "congratulations",
  "add",
  "remove",
  "beneficiary",
  "guardian",
  "patient",
  "customer",
  "client",
  "employee",
  // German
  "regie",
  "kollege",
  "kollegin",
  "autor",
  "autorin",
  "schauspieler",
  "schauspielerin",
  "sänger",
  "sängerin",
  "patient",
  "patientin",
  "kunde",
  "kundin",
  // French
  "réalisé par",
  "écrit par",
  "auteur",
  "acteur",
  "actrice",
  "chanteur",
  "chanteuse",
  // Spanish
  "dirigida por",
  "dirigido por",
  "escrito por",
  "escrita por",
  "autora",
  "actriz",
  "cantante",
]);

/** Verbs right after a name that say a person acted or spoke. */
const SPEECH_AFTER: ReadonlySet<string> = new Set(
  (
    "said|says|explained|explains|told|tells|wrote|writes|replied|asked|added|noted|stated|announced|" +
    "commented|argued|recalled|admitted|insisted|sagte|erklärte|schrieb|antwortete|a|déclare|explique|dijo|explicó|escribió"
  ).split("|"),
);

/** Verbs after a single word that only people do: "Sofie lives on", "Nikolaj spent a year at". */
const PERSONAL_VERBS_AFTER: ReadonlySet<string> = new Set(
  "lives|lived|spent|married|died|moved|grew|wohnt|lebt|starb|heiratete|habite|vit|vive|murió".split("|"),
);

/** Nouns after a possessive that belong to a person: "Matej's address", "Melvin's daughter". */
const PERSONAL_NOUNS: ReadonlySet<string> = new Set(
  (
    "address|phone|number|email|e-mail|account|daughter|son|wife|husband|mother|father|brother|sister|" +
    "children|kids|family|friend|birthday|house|home|car|passport|salary|record|records|file|death|killers|" +
    "verses|novel|songs|album|film|films|book|books|music|team|office|lawyer|doctor"
  ).split("|"),
);

/** Words after a vocative at the start of a line: "Warrane, can I please speak to your boss". */
const VOCATIVE_FOLLOWERS = /^, (?:can|could|would|please)\b/i;

const MAX_SEQUENCE = 3;
const POSSESSIVE = /^['’]s\b/;
/** A possessive ending inside the token ("Matej's"): the tokenizer keeps inner apostrophes. */
const POSSESSIVE_END = /['’]s$/;
const NEXT_WORD = /^(?:['’]s)? ([\p{L}'-]{1,20})/u;
/** Introductions followed by a name written in lower case ("my name is vitoria"). */
const LOWER_CASE_INTRODUCTION =
  /(?:my name is|my name's|call me|i am called|me llamo|mi nombre es|je m'appelle|ich hei(?:ß|ss)e|mein name ist) ([a-zà-öø-ÿ][a-zà-öø-ÿ'-]{1,29})(?: ([a-zà-öø-ÿ][a-zà-öø-ÿ'-]{1,29}))?/gi;
/** A letter right before an introduction means it is inside another word ("enemy name is"). */
const LETTER_BEFORE = /[\p{L}\p{N}]/u;

function nameShaped(token: Token | undefined): token is Token {
  return (
    token?.capitalised === true &&
    token.text.length > 1 &&
    !NOT_NAMES.has(token.lower) &&
    !TITLES.has(token.lower) &&
    !PLACES.has(token.lower) &&
    !NOT_PERSON_WORDS.has(token.lower) &&
    !token.lower.startsWith("i'") &&
    !token.lower.startsWith("i’") &&
    !STRONG_PERSON_CUES.has(token.lower) &&
    !PERSON_CUES_BEFORE.has(token.lower)
  );
}

/** A word that is nothing but a name: capitalised, and not an ordinary word written in lower case elsewhere. */
function unknownName(token: Token | undefined): token is Token {
  return nameShaped(token) && !COMMON_WORDS.has(token.lower.replace(POSSESSIVE_END, ""));
}

/** A place of two or three words from the place lexicon ("North Carolina's"). */
function placeName(tokens: readonly Token[], first: number, last: number): boolean {
  const words = tokens.slice(first, last + 1).map((token) => token.lower.replace(POSSESSIVE_END, ""));
  return PLACES.has(words.join(" ")) || (words.length === 3 && PLACES.has(words.slice(0, 2).join(" ")));
}

function knownName(token: Token): boolean {
  return FIRST_NAMES.has(token.lower) || SURNAMES.has(token.lower);
}

/** At the start of the text or of a line (spaces and tabs before it allowed). */
function atLineStart(text: string, start: number): boolean {
  let position = start;
  while (position > 0 && (text.charCodeAt(position - 1) === 32 || text.charCodeAt(position - 1) === 9))
    position--;
  return position === 0 || text.charCodeAt(position - 1) === 10 || text.charCodeAt(position - 1) === 13;
}

/** "I'm" or "I am" right before the name, inside quotes too ('Heather:"I'm Daniel's daughter"'). */
function afterQuotedIntroduction(text: string, start: number): boolean {
  return /(?:^|[\s"“':])(?:i['’]m|i am) $/i.test(text.slice(Math.max(0, start - 8), start));
}

function scoreSequence(text: string, tokens: readonly Token[], first: number, last: number): number {
  const head = tokens[first] as Token;
  const tail = tokens[last] as Token;
  const length = last - first + 1;
  const after = text.slice(tail.end, tail.end + 40);
  const nextWord = NEXT_WORD.exec(after)?.[1]?.toLowerCase() ?? "";
  const possessive = POSSESSIVE.test(after) || POSSESSIVE_END.test(tail.text);
  if (precededByPhrase(text, head.start, STRONG_PERSON_CUES) || afterQuotedIntroduction(text, head.start))
    return 0.7;
  if (length > 1 && precededByPhrase(text, head.start, PERSON_CUES_BEFORE)) return 0.7;
  if (possessive && (length > 1 || PERSONAL_NOUNS.has(nextWord))) return 0.65;
  if (!possessive && SPEECH_AFTER.has(nextWord) && (length > 1 || nextWord !== "a")) return 0.65;
  if (!possessive && PERSONAL_VERBS_AFTER.has(nextWord)) return 0.6;
  // a vocative at the start of a line ("Warrane, can I please speak to your boss"); a speaker's
  // turn ("Kristíana: What a wife.") is left out: labels ("Context:", "ValueError:") look the same
  if (length === 1 && atLineStart(text, head.start) && VOCATIVE_FOLLOWERS.test(after)) return 0.6;
  // a vocative at the end of a clause: "Don't go to town, Derrick!"
  if (length === 1 && text.slice(head.start - 2, head.start) === ", " && /^[!?]/.test(after)) return 0.6;
  return 0;
}

/** PERSON names that no lexicon knows, recognised by the words around them. */
export function recognizePersonsInContext(text: string, tokens: readonly Token[]): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  let index = 0;
  while (index < tokens.length && found.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    const token = tokens[index];
    if (!unknownName(token)) {
      index++;
      continue;
    }
    // a known or unknown name word before it joins the sequence ("Marie Dratchev"): start there
    let first = index;
    const previous = tokens[index - 1];
    if (previous && nameShaped(previous) && knownName(previous) && joinedBySpace(text, previous, token))
      first = index - 1;
    let last = index;
    while (last - first + 1 < MAX_SEQUENCE) {
      const current = tokens[last] as Token;
      const next = tokens[last + 1];
      if (!next || !joinedBySpace(text, current, next)) break;
      if (!unknownName(next) && !(nameShaped(next) && knownName(next))) break;
      last++;
    }
    const tail = tokens[last] as Token;
    const organisation =
      NOT_PERSON_WORDS.has(NEXT_WORD.exec(text.slice(tail.end, tail.end + 24))?.[1]?.toLowerCase() ?? "") ||
      HOUSE_NUMBER_AFTER.test(text.slice(tail.end, tail.end + 8));
    const score =
      organisation || placeName(tokens, first, last) ? 0 : scoreSequence(text, tokens, first, last);
    if (score > 0) {
      found.push({
        type: "PERSON",
        rule: "person.context",
        start: (tokens[first] as Token).start,
        end: POSSESSIVE_END.test(tail.text) ? tail.end - 2 : tail.end,
        score: clampScore(score),
      });
    }
    index = last + 1;
  }
  for (const match of text.matchAll(LOWER_CASE_INTRODUCTION)) {
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
    if (match.index > 0 && LETTER_BEFORE.test(text.charAt(match.index - 1))) continue;
    const given = match[1] ?? "";
    if (COMMON_WORDS.has(given) && !FIRST_NAMES.has(given)) continue;
    const family = match[2];
    const withFamily = family !== undefined && !COMMON_WORDS.has(family);
    const start =
      match.index + match[0].length - (family === undefined ? 0 : family.length + 1) - given.length;
    const end = withFamily ? start + given.length + 1 + family.length : start + given.length;
    found.push({ type: "PERSON", rule: "person.context", start, end, score: 0.6 });
  }
  return found;
}
