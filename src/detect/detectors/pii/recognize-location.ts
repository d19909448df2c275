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
