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

/** The digits of a seq value. */
const DIGITS = /^\d{1,15}/;

export function readEnvelopeHeader(text: string): EnvelopeHeader | undefined {
  const node = stringAfter(text, text.indexOf('"node":"'), 8);
  const at = stringAfter(text, text.indexOf('"at":"'), 6);
  const type = stringAfter(text, text.lastIndexOf('"type":"'), 8);
  const prevHashAt = text.lastIndexOf('"prevHash":"');
  const seqAt = text.lastIndexOf('"seq":');
  if (node === undefined || at === undefined || type === undefined || prevHashAt < 0 || seqAt < 0)
    return undefined;
  const prevHash = text.slice(prevHashAt + 12, prevHashAt + 76);
  const digits = DIGITS.exec(text.slice(seqAt + 6, seqAt + 22))?.[0];
  if (digits === undefined || text[prevHashAt + 76] !== '"') return undefined;
  return { node, seq: Number(digits), at, type, prevHash };
}

function stringAfter(text: string, keyAt: number, keyLength: number): string | undefined {
  if (keyAt < 0) return undefined;
  const start = keyAt + keyLength;
  const end = text.indexOf('"', start);
  return end < 0 ? undefined : text.slice(start, end);
}
