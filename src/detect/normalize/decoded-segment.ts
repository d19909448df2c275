/** A piece of a view that a decoder turned into text: [start, end) in that view, and the text. */
export interface DecodedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** true when the decoded text has the same length and layout as the segment (rot13) */
  readonly sameLayout?: boolean;
}

/** A decoder finds encoded segments in a text and decodes the ones that give readable text. */
export interface SegmentDecoder {
  readonly via: string;
  decode(text: string, maxSegmentChars: number): DecodedSegment[];
}
