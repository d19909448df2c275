import type { EncodingCandidates } from "./encoding-candidates.js";

/** A piece of a view that a decoder turned into text: [start, end) in that view, and the text. */
export interface DecodedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** true when the decoded text has the same length and layout as the segment (rot13) */
  readonly sameLayout?: boolean;
}

/** What a decoder gets: the text, where encoded data may be, and the longest segment to decode. */
export interface DecodeInput {
  readonly text: string;
  readonly candidates: EncodingCandidates;
  readonly maxSegmentChars: number;
}

/** A decoder finds encoded segments in a text and decodes the ones that give readable text. */
export interface SegmentDecoder {
  readonly via: string;
  decode(input: DecodeInput): DecodedSegment[];
}
