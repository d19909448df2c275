import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { readEnvelopeHeader } from "./envelope-header.js";
import { GENESIS_HASH } from "./event-schema.js";

describe("readEnvelopeHeader", () => {
  it("reads the envelope's own fields whatever the payload and actor hold", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.nat({ max: 2 ** 40 }), (value, text, seq) => {
        const envelope = {
          schemaVersion: 1,
          node: "node-1",
          seq: seq + 1,
          at: "2026-01-01T00:00:00.000Z",
          type: "management.change",
          actor: { kind: "admin", id: `"at":"x" "node":"y" ${text}` },
          // nested keys named like the envelope's, and strings that look like them
          payload: {
            at: text,
            node: text,
            seq: 99,
            type: text,
            prevHash: text,
            nested: { seq: 7, type: "t" },
            value,
            text: '"seq":5,"type":"x"',
          },
          content: null,
          prevHash: GENESIS_HASH.replace(/^0/, "a"),
        };
        expect(readEnvelopeHeader(canonicalJson(envelope))).toEqual({
          node: "node-1",
          seq: seq + 1,
          at: "2026-01-01T00:00:00.000Z",
          type: "management.change",
          prevHash: envelope.prevHash,
        });
      }),
    );
  });

  it("agrees with a plain reading by slices and a regular expression on any text", () => {
    // the scan the verifier used before it compared in place: the reference for any input
    const reference = (text: string) => {
      const valueAt = (at: number, length: number) => {
        if (at < 0) return undefined;
        const end = text.indexOf('"', at + length);
        return end < 0 ? undefined : text.slice(at + length, end);
      };
      const node = valueAt(text.indexOf('"node":"'), 8);
      const at = valueAt(text.indexOf('"at":"'), 6);
      const type = valueAt(text.lastIndexOf('"type":"'), 8);
      const prevHashAt = text.lastIndexOf('"prevHash":"');
      const seqAt = text.lastIndexOf('"seq":');
      if (node === undefined || at === undefined || type === undefined || prevHashAt < 0 || seqAt < 0)
        return undefined;
      const digits = /^\d{1,15}/.exec(text.slice(seqAt + 6, seqAt + 22))?.[0];
      if (digits === undefined || text[prevHashAt + 76] !== '"') return undefined;
      return { node, seq: Number(digits), at, type, prevHash: text.slice(prevHashAt + 12, prevHashAt + 76) };
    };
    const pieces = fc.constantFrom(
      '"node":"',
      'node":"',
      '"at":"',
      'at":"',
      '"type":"',
      '"seq":',
      '"prevHash":"',
      `"prevHash":"${GENESIS_HASH}"`,
      "12",
      '"',
      "x",
      "n",
    );
    const noise = fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 6 })
      .map((parts) => parts.join(""));
    // the keys of a header in envelope order, with noise (often more keys) around and inside them
    const headerLike = fc
      .tuple(fc.array(noise, { minLength: 12, maxLength: 12 }), fc.nat({ max: 10 ** 17 }))
      .map(
        ([n, seq]) =>
          `${n[0]}"at":"${n[1]}"${n[2]}"node":"${n[3]}"${n[4]}"prevHash":"${n[5]}${GENESIS_HASH}"${n[6]}"seq":${seq}${n[7]}"type":"${n[8]}"${n[9]}${n[10]}${n[11]}`,
      );
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(noise, headerLike), (text) => {
        const expected = reference(text);
        if (expected !== undefined) read += 1;
        expect(readEnvelopeHeader(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // the property saw headers that read, not only text that is refused
    expect(read).toBeGreaterThan(300);
  });

  it("returns undefined for text that is not an envelope", () => {
    expect(readEnvelopeHeader('{"kind":"event"}')).toBeUndefined();
    expect(readEnvelopeHeader("")).toBeUndefined();
  });
});
