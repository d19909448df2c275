/**
 * Reads the fields that verification needs straight from canonical envelope text, without parsing
 * the whole JSON: verification of a million events spends most of its time here otherwise.
 *
 * Why a scan is sound: canonical JSON sorts keys, so the top-level members come in the order
 * actor, at, content, node, payload, prevHash, schemaVersion, seq, type. `actor` is a strict object
 * without `at` or `node` keys, so the FIRST `"at":"` and `"node":"` are the envelope's; nothing but
 * top-level members follows `payload`, so the LAST `"prevHash":"`, `"seq":` and `"type":"` are the
 * envelope's. A quote inside a JSON string is always escaped, so string content cannot fake a key.
 * Text that is not canonical can only come from tampering, and the hash links catch any change.
 */
export interface EnvelopeHeader {
  node: string;
  seq: number;
  at: string;
  type: string;
  prevHash: string;
}

/**
 * Where the header's values sit in the text (start inclusive, end exclusive), and the seq. The
 * verifier compares these regions in place, so checking an event allocates no strings.
 */
export interface HeaderPositions {
  nodeStart: number;
  nodeEnd: number;
  atStart: number;
  atEnd: number;
  typeStart: number;
  typeEnd: number;
  prevHashStart: number;
  seq: number;
}

/** A HeaderPositions to reuse across calls of locateEnvelopeHeader. */
export function newHeaderPositions(): HeaderPositions {
  return {
    nodeStart: 0,
    nodeEnd: 0,
    atStart: 0,
    atEnd: 0,
    typeStart: 0,
    typeEnd: 0,
    prevHashStart: 0,
    seq: 0,
  };
}

/** Digits read at most for a seq. */
const MAX_SEQ_DIGITS = 15;
const QUOTE = 34;
const ZERO = 48;
const NINE = 57;

/** Fills `into` with the header's positions; false when the text is not an audit envelope. */
export function locateEnvelopeHeader(text: string, into: HeaderPositions): boolean {
  const nodeKey = firstKey(text, 'node":"');
  const atKey = firstKey(text, 'at":"');
  const typeKey = text.lastIndexOf('"type":"');
  const prevHashKey = text.lastIndexOf('"prevHash":"');
  const seqKey = text.lastIndexOf('"seq":');
  if (nodeKey < 0 || atKey < 0 || typeKey < 0 || prevHashKey < 0 || seqKey < 0) return false;
  into.nodeStart = nodeKey + 8;
  into.nodeEnd = text.indexOf('"', into.nodeStart);
  into.atStart = atKey + 6;
  into.atEnd = text.indexOf('"', into.atStart);
  into.typeStart = typeKey + 8;
  into.typeEnd = text.indexOf('"', into.typeStart);
  into.prevHashStart = prevHashKey + 12;
  if (into.nodeEnd < 0 || into.atEnd < 0 || into.typeEnd < 0) return false;
  if (text.charCodeAt(into.prevHashStart + 64) !== QUOTE) return false;
  let seq = 0;
  let digits = 0;
  for (let index = seqKey + 6; digits < MAX_SEQ_DIGITS; index += 1, digits += 1) {
    const code = text.charCodeAt(index);
    if (!(code >= ZERO && code <= NINE)) break;
    seq = seq * 10 + (code - ZERO);
  }
  if (digits === 0) return false;
  into.seq = seq;
  return true;
}

/**
 * The index of the first `"` + rest in the text. Searching for the key without its opening quote,
 * then checking the quote, is about twice as fast: quotes are everywhere in JSON.
 */
function firstKey(text: string, rest: string): number {
  for (let index = text.indexOf(rest, 1); index > 0; index = text.indexOf(rest, index + 1)) {
    if (text.charCodeAt(index - 1) === QUOTE) return index - 1;
  }
  return -1;
}

/** True when text[start, end) is exactly `expected`. */
export function regionEquals(text: string, start: number, end: number, expected: string): boolean {
  return end - start === expected.length && text.startsWith(expected, start);
}

export function readEnvelopeHeader(text: string): EnvelopeHeader | undefined {
  const at = newHeaderPositions();
  if (!locateEnvelopeHeader(text, at)) return undefined;
  return {
    node: text.slice(at.nodeStart, at.nodeEnd),
    seq: at.seq,
    at: text.slice(at.atStart, at.atEnd),
    type: text.slice(at.typeStart, at.typeEnd),
    prevHash: text.slice(at.prevHashStart, at.prevHashStart + 64),
  };
}
