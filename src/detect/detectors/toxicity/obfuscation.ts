import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";

/**
 * Signs that a segment hides words: letters mixed with digits or symbols inside a word ("sh1t",
 * "b!tch", "f*ck"), long runs of one letter ("fuuuck"), or letters spaced out ("f u c k").
 */
export const OBFUSCATED_WORD =
  /\p{L}[0-9@$!*+|#]{1,3}\p{L}|[0-9@$!*+|]\p{L}{2}|(\p{L})\1{2,}|(?:\b\p{L}[ .*_-]){3,40}\p{L}\b/u;

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
