import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";

/**
 * Signs that a segment hides words from the lexicon: a word of letters with one run of digits or
 * symbols inside ("sh1t", "b!tch", "f*ck", "motherf*cker") or a leading "@"/"$" ("@ss", "$hit").
 * Runs ("fuuuck") are folded by the lexicon and spaced letters ("f u c k") by the normaliser's
 * folded view, so they need no obscenity pass. E-mail addresses ("john@example.com") and ids with
 * several digit runs ("a1b2c3d4") are not signs: they sent ordinary mail and code through the slower
 * obscenity pass.
 */
export const OBFUSCATED_WORD =
  /(?<![\p{L}\p{N}@$!*+|#])\p{L}{1,12}[0-9@$!*+|#]{1,3}\p{L}{1,12}(?![\p{L}\p{N}@$!*+|#]|\.\p{L})|(?<![\p{L}\p{N}])[@$]\p{L}{2}/u;

let matcher: RegExpMatcher | undefined;

/** The obscenity matcher with its English dataset and obfuscation-resistant transformers. */
export function obscenityMatcher(): RegExpMatcher {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

export interface ObscenityHit {
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

/** Obscenity matches in a segment, with the dataset's original word for each. */
export function obscenityHits(segment: string): ObscenityHit[] {
  return obscenityMatcher()
    .getAllMatches(segment, true)
    .map((match) => ({
      start: match.startIndex,
      end: match.endIndex + 1,
      word: englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? "",
    }));
}
