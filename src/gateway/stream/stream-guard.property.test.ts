import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamScanFunction } from "./scan-ledger.js";
import { guardStream } from "./stream-guard.js";
import { collect, encode, readClientView, splitAt } from "./test-support/stream-test-support.js";

/**
 * Property tests of the hold-back guarantee over random texts, random chunkings of the deltas and
 * random cuts of the SSE bytes (inside UTF-8 sequences included):
 * - the client never receives the forbidden token, and a planted token always ends in a block;
 * - every character the client receives was inside some scan call (scanned ranges are tracked);
 * - with an allowing scan, at most `windowSize - 1` characters of a choice are ever held back.
 */

const TOKEN = "FORBIDDEN-TOKEN";
const CHARACTERS = ["a", "b", " ", "é", "€", "\u{1f44b}", "F", "O", "-", "\n", '"', "\\", "<"];

const textArbitrary = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 160 });

interface Scenario {
  /** code points per choice */
  readonly choices: string[][];
  readonly plant: { choice: number; at: number } | null;
  readonly pieceSizes: number[];
  readonly byteCuts: number[];
  readonly windowSize: number;
  readonly overlap: number;
  readonly holdTail: number;
  /** choice 0 streams its text as tool-call arguments instead of content */
  readonly toolCall: boolean;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    choices: fc.array(textArbitrary, { minLength: 1, maxLength: 2 }),
    plant: fc.option(fc.record({ choice: fc.nat(1), at: fc.nat(200) }), { nil: null }),
    pieceSizes: fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 12 }),
    byteCuts: fc.array(fc.nat(20_000), { maxLength: 30 }),
    windowSize: fc.integer({ min: 2, max: 64 }),
    overlap: fc.integer({ min: TOKEN.length - 1, max: 80 }),
    holdTailShare: fc.double({ min: 0, max: 0.99, noNaN: true }),
    toolCall: fc.boolean(),
  })
  .map(({ holdTailShare, ...rest }) => ({ ...rest, holdTail: Math.floor(rest.windowSize * holdTailShare) }));

function sourceTexts(scenario: Scenario): string[][] {
  const texts = scenario.choices.map((codePoints) => [...codePoints]);
  const plant = scenario.plant;
  if (plant !== null) {
    const target = texts[plant.choice % texts.length] as string[];
    target.splice(plant.at % (target.length + 1), 0, ...TOKEN);
  }
  return texts;
}

/** Upstream SSE frames: choices' deltas interleaved, pieces sized by the scenario. */
function upstreamFrames(
  texts: readonly string[][],
  sizes: readonly number[],
): { choice: number; piece: string }[] {
  const pieces: { choice: number; piece: string }[] = [];
  const positions = texts.map(() => 0);
  let turn = 0;
  while (positions.some((position, choice) => position < (texts[choice] as string[]).length)) {
    const choice = turn % texts.length;
    const codePoints = texts[choice] as string[];
    const position = positions[choice] as number;
    const size = sizes[turn % sizes.length] as number;
    turn += 1;
    if (position >= codePoints.length) continue;
    pieces.push({ choice, piece: codePoints.slice(position, position + size).join("") });
    positions[choice] = position + size;
  }
  return pieces;
}

function frameOf(choice: number, delta: Record<string, unknown>, finish: string | null): string {
  return `data: ${JSON.stringify({ id: "p", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: choice, delta, finish_reason: finish }] })}\n\n`;
}

function deltaOf(choice: number, piece: string, toolCall: boolean): Record<string, unknown> {
  return toolCall && choice === 0
    ? { tool_calls: [{ index: 0, function: { arguments: piece } }] }
    : { content: piece };
}

function sseText(texts: readonly string[][], sizes: readonly number[], toolCall = false): string {
  let text = texts.map((_, choice) => frameOf(choice, { role: "assistant", content: "" }, null)).join("");
  if (toolCall) {
    const header = { index: 0, id: "call_0", type: "function", function: { name: "lookup", arguments: "" } };
    text += frameOf(0, { tool_calls: [header] }, null);
  }
  for (const { choice, piece } of upstreamFrames(texts, sizes)) {
    text += frameOf(choice, deltaOf(choice, piece, toolCall), null);
  }
  text += texts.map((_, choice) => frameOf(choice, {}, "stop")).join("");
  return `${text}data: [DONE]\n\n`;
}

/** The end of the contiguous scanned prefix [0, end) from a list of ranges. */
function coveredPrefix(ranges: readonly (readonly [number, number])[]): number {
  const sorted = [...ranges].sort((left, right) => left[0] - right[0]);
  let end = 0;
  for (const [start, stop] of sorted) {
    if (start > end) break;
    end = Math.max(end, stop);
  }
  return end;
}

describe("guardStream properties", () => {
  it("never releases the forbidden token nor any character that no scan covered", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const texts = sourceTexts(scenario);
        const sources = texts.map((codePoints) => codePoints.join(""));
        const ranges = new Map<string, [number, number][]>();
        const scan: StreamScanFunction = (text, context) => {
          const key = `${context.choiceIndex}:${context.channel}`;
          const list = ranges.get(key) ?? [];
          list.push([context.channelOffset, context.channelOffset + text.length]);
          ranges.set(key, list);
          return text.includes(TOKEN)
            ? { verdict: "block", categories: ["canary-leak"] }
            : { verdict: "allow", categories: [] };
        };
        const bytes = encode(sseText(texts, scenario.pieceSizes, scenario.toolCall));
        const cuts = scenario.byteCuts.map((cut) => cut % bytes.length);
        const stream = guardStream(
          (async function* () {
            yield* splitAt(bytes, cuts);
          })(),
          { scan, windowSize: scenario.windowSize, overlap: scenario.overlap, holdTail: scenario.holdTail },
        );
        const client = readClientView(await collect(stream.frames));
        const result = await stream.result;
        const onTool = (choice: number): boolean => scenario.toolCall && choice === 0;
        const releasedOf = (choice: number): string =>
          onTool(choice) ? (client.toolArguments.get("0:0") ?? "") : (client.text.get(choice) ?? "");
        sources.forEach((source, choice) => {
          const released = releasedOf(choice);
          const key = `${choice}:${onTool(choice) ? "tool_arguments" : "content"}`;
          expect(released).not.toContain(TOKEN);
          expect(source.startsWith(released)).toBe(true);
          expect(coveredPrefix(ranges.get(key) ?? [])).toBeGreaterThanOrEqual(released.length);
        });
        const releasedTotal = sources.reduce((sum, _, choice) => sum + releasedOf(choice).length, 0);
        expect(result.releasedCharacters).toBe(releasedTotal);
        if (scenario.toolCall) {
          expect(client.toolHeaders[0]).toEqual({ choice: 0, index: 0, id: "call_0", name: "lookup" });
        }
        if (scenario.plant === null) {
          expect(result.blocked).toBe(false);
          expect(client.done).toBe(true);
          sources.forEach((source, choice) => {
            expect(releasedOf(choice)).toBe(source);
          });
        } else {
          expect(result.blocked).toBe(true);
          expect(client.error?.code).toBe("rampart_policy_violation");
          expect(client.done).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("holds back at most windowSize - 1 characters per choice while the upstream streams", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const texts = scenario.choices.map((codePoints) => [...codePoints]);
        const sent = texts.map(() => 0);
        let output = "";
        let worst = 0;
        const check = (): void => {
          const client = readClientView(output);
          sent.forEach((count, choice) => {
            const released = client.text.get(choice)?.length ?? 0;
            worst = Math.max(worst, count - released);
          });
        };
        async function* upstream(): AsyncGenerator<string> {
          for (const [choice] of texts.entries())
            yield frameOf(choice, { role: "assistant", content: "" }, null);
          for (const { choice, piece } of upstreamFrames(texts, scenario.pieceSizes)) {
            check();
            sent[choice] = (sent[choice] as number) + piece.length;
            yield frameOf(choice, { content: piece }, null);
          }
          check();
          yield "data: [DONE]\n\n";
        }
        const stream = guardStream(upstream(), {
          scan: () => ({ verdict: "allow", categories: [] }),
          windowSize: scenario.windowSize,
          overlap: scenario.overlap,
          holdTail: scenario.holdTail,
        });
        for await (const frame of stream.frames) output += frame;
        expect(worst).toBeLessThan(scenario.windowSize);
        const client = readClientView(output);
        texts.forEach((codePoints, choice) => {
          expect(client.text.get(choice) ?? "").toBe(codePoints.join(""));
        });
      }),
      { numRuns: 150 },
    );
  });

  it("redacts every planted secret exactly when the held tail is at least a secret long", async () => {
    const secretArbitrary = fc
      .array(fc.constantFrom(..."abcdefghij0123456789"), { minLength: 8, maxLength: 8 })
      .map((characters) => `sk-${characters.join("")}`);
    const partArbitrary = fc.oneof(
      fc
        .array(fc.constantFrom("a", " ", "é", "\u{1f44b}", "x", "."), { maxLength: 30 })
        .map((parts) => parts.join("")),
      secretArbitrary,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(partArbitrary, { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 12, max: 64 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (parts, sizes, windowSize, tailShare) => {
          const source = parts.join("");
          const holdTail = 11 + Math.floor((windowSize - 12) * tailShare);
          const scan: StreamScanFunction = (text) => {
            const replacements = [...text.matchAll(/sk-[a-j0-9]{8}/g)].map((match) => ({
              start: match.index,
              end: match.index + match[0].length,
              text: "[SECRET]",
            }));
            return replacements.length === 0
              ? { verdict: "allow", categories: [] }
              : { verdict: "redact", categories: ["secret"], replacements };
          };
          const texts = [Array.from(source)];
          const stream = guardStream(
            (async function* () {
              yield sseText(texts, sizes);
            })(),
            { scan, windowSize, holdTail, overlap: 16 },
          );
          const client = readClientView(await collect(stream.frames));
          expect(client.text.get(0) ?? "").toBe(source.replace(/sk-[a-j0-9]{8}/g, "[SECRET]"));
          expect((await stream.result).lateReplacements).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
