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

  it("returns undefined for text that is not an envelope", () => {
    expect(readEnvelopeHeader('{"kind":"event"}')).toBeUndefined();
    expect(readEnvelopeHeader("")).toBeUndefined();
  });
});
