import { NOT_NAMES } from "./lexicon/name-words.js";
import { AMBIGUOUS_PLACES, PLACES } from "./lexicon/places.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";
import { joinedBySpace, precededByPhrase, type Token } from "./tokens.js";

/** Prepositions before a place; an ambiguous place name (Nice, Jordan, Victoria) needs one. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(
  "in from to at near via nach aus bei von vom zum zur à au aux en de desde hacia cerca".split(" "),
);

/** Phrases after which the next capitalised words are a place, even one not in the gazetteer. */
export const PLACE_INTRODUCTIONS: ReadonlySet<string> = new Set(
  (
    "flew to|fly to|flying to|grew up in|live in|lives in|living in|lived in|moved to|moved here from|born in|" +
    "based in|located in|travel to|travelled to|traveled to|trip to|visit|visiting|city of|town of|village of|" +
    "wohne in|wohnt in|lebe in|lebt in|komme aus|kommt aus|geboren in|zog nach|habite à|habite en|j'habite à|" +
    "vis à|vit à|je viens de|né à|née à|ville de|vivo en|vive en|soy de|es de|nací en|nació en|ciudad de|pueblo de|" +
    "i am in|i'm in|we are in|originally from|is from|comes from|come from|arrived in|arrive in|stay in|staying in|" +
    "bin in|bin gerade in|je suis à|estoy en"
  ).split("|"),
);

const MAX_PLACE_TOKENS = 4;
const MAX_INTRODUCED_TOKENS = 3;

function placeShaped(token: Token | undefined): token is Token {
  return token !== undefined && (token.capitalised || token.allCaps) && !NOT_NAMES.has(token.lower);
}

/** Longest gazetteer entry starting at token `index`, as the index of its last token, or -1. */
function longestPlace(text: string, tokens: readonly Token[], index: number): number {
  let best = -1;
  let name = "";
  for (let last = index; last < Math.min(tokens.length, index + MAX_PLACE_TOKENS); last++) {
    const token = tokens[last];
    const previous = tokens[last - 1];
    if (!token) break;
    if (last > index && (!previous || !joinedBySpace(text, previous, token))) break;
    name = last === index ? token.lower : `${name} ${token.lower}`;
    if (PLACES.has(name)) best = last;
  }
  return best;
}

/** A street line: a house number or postcode, then text. */
const ADDRESS_LINE = /^[ \t>?]*\d{1,5}[ ,][^\n]{2,80}$/;
/** Lines of an address block hold only the place words, postcodes, commas and quoting marks. */
const LINE_FILLER = /^[\s>?,\d-]*$/;

/**
 * The index of the last token of a line made of one to three capitalised or upper-case words
 * (and postcodes), inside an address block, or -1: "20789 Allika 46\n Riisa\n Estonia 62488".
 */
/** How far the address-block check looks around a token: every search is bounded, so it stays linear. */
const LINE_WINDOW = 120;

/** The offset just after the last line feed in [from, to), or -1. */
function lineStartWithin(text: string, from: number, to: number): number {
  const relative = text.slice(Math.max(0, from), to).lastIndexOf("\n");
  return relative < 0 ? -1 : Math.max(0, from) + relative + 1;
}

/** The offset of the first line feed in [from, to), or `to` when the window ends first. */
function lineEndWithin(text: string, from: number, to: number): number {
  const end = Math.min(text.length, to);
  const relative = text.slice(from, end).indexOf("\n");
  return relative < 0 ? end : from + relative;
}

function addressBlockLine(text: string, tokens: readonly Token[], index: number): number {
  const token = tokens[index];
  if (!token) return -1;
  const lineStart = lineStartWithin(text, token.start - 40, token.start);
  if (lineStart < 0 || !LINE_FILLER.test(text.slice(lineStart, token.start))) return -1;
  let last = index;
  while (last - index < 2) {
    const current = tokens[last];
    const next = tokens[last + 1];
    if (!current || !placeShaped(next) || !joinedBySpace(text, current, next)) break;
    last++;
  }
  const end = tokens[last]?.end ?? token.end;
  const lineEnd = lineEndWithin(text, end, end + 41);
  if ((lineEnd < text.length && text.charAt(lineEnd) !== "\n") || !LINE_FILLER.test(text.slice(end, lineEnd)))
    return -1;
  const previousLineStart = lineStartWithin(text, lineStart - 1 - LINE_WINDOW, lineStart - 1);
  const previousLine = previousLineStart < 0 ? "" : text.slice(previousLineStart, lineStart - 1);
  const nextLine =
    lineEnd >= text.length
      ? ""
      : text.slice(lineEnd + 1, lineEndWithin(text, lineEnd + 1, lineEnd + 1 + LINE_WINDOW));
  const nearStreet = ADDRESS_LINE.test(previousLine) || /\b(?:Apt|Suite|Unit)\b/.test(previousLine);
  const nextWords = nextLine
    .trim()
    .replace(/[\d,\s]+$/, "")
    .toLowerCase();
  return nearStreet || PLACES.has(nextWords) ? last : -1;
}

/** LOCATION from the gazetteer and from introduction phrases ("flew to X", "wohne in X", "vivo en X"). */
export function recognizePlaces(text: string, tokens: readonly Token[]): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  let index = 0;
  while (index < tokens.length && found.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    const token = tokens[index];
    if (!placeShaped(token)) {
      index++;
      continue;
    }
    const last = longestPlace(text, tokens, index);
    const name =
      last >= 0
        ? tokens
            .slice(index, last + 1)
            .map((part) => part.lower)
            .join(" ")
        : "";
    const ambiguous = last >= 0 && AMBIGUOUS_PLACES.has(name);
    const introduced = (last < 0 || ambiguous) && precededByPhrase(text, token.start, PLACE_INTRODUCTIONS);
    if (last >= 0) {
      if (!ambiguous || introduced || precededByPhrase(text, token.start, PLACE_PREPOSITIONS)) {
        const score = ambiguous ? 0.7 : 0.85;
        found.push({
          type: "LOCATION",
          rule: "location.gazetteer",
          start: token.start,
          end: tokens[last]?.end ?? token.end,
          score,
        });
        index = last + 1;
        continue;
      }
    }
    const cityLine = addressBlockLine(text, tokens, index);
    if (cityLine >= 0) {
      found.push({
        type: "LOCATION",
        rule: "location.address-block",
        start: token.start,
        end: tokens[cityLine]?.end ?? token.end,
        score: 0.6,
      });
      index = cityLine + 1;
      continue;
    }
    if (introduced) {
      let end = index;
      while (end + 1 < tokens.length && end - index + 1 < MAX_INTRODUCED_TOKENS) {
        const current = tokens[end];
        const next = tokens[end + 1];
        if (!current || !placeShaped(next) || !joinedBySpace(text, current, next)) break;
        end++;
      }
      found.push({
        type: "LOCATION",
        rule: "location.context",
        start: token.start,
        end: tokens[end]?.end ?? token.end,
        score: clampScore(0.7),
      });
      index = end + 1;
      continue;
    }
    index++;
  }
  return found;
}
