import { describe, expect, it } from "vitest";
import { HoldBackBuffer, type HoldBackSettings, type HoldBackStep } from "./hold-back.js";
import {
  ScanLedger,
  type StreamScanContext,
  type StreamScanFunction,
  type StreamScanOutcome,
} from "./scan-ledger.js";

const allow: StreamScanOutcome = { verdict: "allow", categories: [] };

function settings(overrides: Partial<HoldBackSettings> = {}): HoldBackSettings {
  return {
    windowSize: 20,
    overlap: 8,
    holdTail: 4,
    maxPending: 80,
    maxPlaceholderLength: 48,
    failMode: "closed",
    scanTimeoutMs: 0,
    enforce: true,
    scan: () => allow,
    ...overrides,
  };
}

function buffer(overrides: Partial<HoldBackSettings> = {}, ledger = new ScanLedger()): HoldBackBuffer {
  return new HoldBackBuffer(settings(overrides), ledger, { choiceIndex: 0, channel: "content" });
}

async function run(
  target: HoldBackBuffer,
  pieces: readonly string[],
): Promise<{ steps: HoldBackStep[]; text: string }> {
  const steps: HoldBackStep[] = [];
  for (const piece of pieces) steps.push(await target.push(piece));
  steps.push(await target.finish());
  return { steps, text: steps.map((step) => step.text).join("") };
}

/** A scan that redacts `sk-` followed by 8 letters or digits, as a detector with spans would. */
const SECRET_PATTERN = /sk-[a-z0-9]{8}/g;
const redactSecrets: StreamScanFunction = (text) => {
  const replacements = [...text.matchAll(SECRET_PATTERN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: "[SECRET]",
  }));
  return replacements.length === 0 ? allow : { verdict: "redact", replacements, categories: ["secret"] };
};

describe("HoldBackBuffer", () => {
  it("holds text until a window is pending, then releases all but the held tail", async () => {
    const target = buffer();
    const released: string[] = [];
    for (const character of "abcdefghijklmnopqrstuvwxyz") {
      const step = await target.push(character);
      released.push(step.text);
    }
    expect(released.slice(0, 19).join("")).toBe("");
    expect(released[19]).toBe("abcdefghijklmnop");
    expect(target.pendingLength).toBe(10);
    expect((await target.finish()).text).toBe("qrstuvwxyz");
  });

  it("gives each scan the overlap of released text plus the pending text, with offsets", async () => {
    const calls: { text: string; context: StreamScanContext }[] = [];
    const target = buffer({
      scan: (text, context) => {
        calls.push({ text, context });
        return allow;
      },
    });
    const { text } = await run(target, ["0123456789", "abcdefghij", "ABCDEFGHIJ", "KLMNOPQRST", "xyz"]);
    expect(text).toBe("0123456789abcdefghijABCDEFGHIJKLMNOPQRSTxyz");
    expect(calls.map((call) => call.text)).toEqual([
      "0123456789abcdefghij",
      "89abcdefghijABCDEFGHIJKLMNOPQRST",
      "IJKLMNOPQRSTxyz",
    ]);
    expect(
      calls.map((call) => [call.context.channelOffset, call.context.overlapLength, call.context.final]),
    ).toEqual([
      [0, 0, false],
      [8, 8, false],
      [28, 8, true],
    ]);
  });

  it("finds a pattern split across chunks and windows, and blocks before releasing it", async () => {
    const ledger = new ScanLedger();
    const target = buffer(
      {
        scan: (text) =>
          text.includes("FORBIDDEN") ? { verdict: "block", categories: ["canary-leak"] } : allow,
      },
      ledger,
    );
    const { steps, text } = await run(target, ["a".repeat(16), "xxFORB", "IDDEN", "after"]);
    expect(text).not.toContain("FORBIDDEN");
    expect(steps.some((step) => step.blocked)).toBe(true);
    expect(ledger.block).toEqual({ reason: "policy", categories: ["canary-leak"] });
    expect(await target.push("more")).toEqual({ text: "", raw: "", blocked: false });
  });

  it("redacts a secret split across chunks before any of it is released", async () => {
    const ledger = new ScanLedger();
    const target = buffer({ scan: redactSecrets, windowSize: 16, holdTail: 12, overlap: 12 }, ledger);
    const source = "my key is sk-abcd1234 and the other one sk-zz99yy88, done. ";
    for (let cut = 1; cut < source.length; cut += 1) {
      const local = new ScanLedger();
      const each = buffer({ scan: redactSecrets, windowSize: 16, holdTail: 12, overlap: 12 }, local);
      const { text } = await run(each, [source.slice(0, cut), source.slice(cut)]);
      expect(text).toBe("my key is [SECRET] and the other one [SECRET], done. ");
    }
    const { steps } = await run(target, source.match(/.{1,3}/g) ?? []);
    expect(steps.map((step) => step.text).join("")).toBe(
      "my key is [SECRET] and the other one [SECRET], done. ",
    );
    for (const step of steps) expect(step.text).not.toMatch(/sk-/);
    expect(ledger.replacementsApplied).toBe(2);
    expect(ledger.verdict).toBe("redact");
  });

  it("keeps a redaction span that touches the end of the pending text until it is complete", async () => {
    const calls: string[] = [];
    const scan: StreamScanFunction = (text) => {
      calls.push(text);
      // a detector that marks a run of digits; the run may go on in the next chunk
      const match = /\d+/.exec(text);
      return match === null
        ? allow
        : {
            verdict: "redact",
            categories: ["pii"],
            replacements: [{ start: match.index, end: match.index + match[0].length, text: "#" }],
          };
    };
    const target = buffer({ scan, windowSize: 10, holdTail: 0, overlap: 0 });
    const first = await target.push("call 555123");
    expect(first.text).toBe("call ");
    const { text } = await run(target, ["4567 now"]);
    expect(`${first.text}${text}`).toBe("call # now");
  });

  it("releases a span forced out by the pending bound, redacted", async () => {
    const scan: StreamScanFunction = (text) => ({
      verdict: "redact",
      categories: ["pii"],
      replacements: [{ start: 0, end: text.length, text: "X" }],
    });
    const target = buffer({ scan, windowSize: 10, holdTail: 0, overlap: 0, maxPending: 30 });
    const steps = [];
    for (let index = 0; index < 5; index += 1) steps.push(await target.push("0123456789"));
    expect(steps.map((step) => step.text)).toEqual(["", "", "", "X", ""]);
  });

  it("counts replacement spans that fall in already released text as late", async () => {
    const ledger = new ScanLedger();
    const scan: StreamScanFunction = (_text, context) =>
      context.overlapLength > 0
        ? { verdict: "redact", categories: ["pii"], replacements: [{ start: 0, end: 2, text: "" }] }
        : allow;
    const target = buffer({ scan, windowSize: 10, holdTail: 0, overlap: 4 }, ledger);
    const { text } = await run(target, ["0123456789", "abcdefghij"]);
    expect(text).toBe("0123456789abcdefghij");
    expect(ledger.lateReplacements).toBe(1);
  });

  it("holds a partial placeholder until it is complete, so the transform sees it whole", async () => {
    const seen: string[] = [];
    const transform = (text: string): string => {
      seen.push(text);
      return text.replaceAll("[EMAIL_1]", "alice@example.com");
    };
    for (let cut = 1; cut < 40; cut += 1) {
      seen.length = 0;
      const source = "Write to [EMAIL_1] now, or to [EMAIL_1].";
      const target = buffer({ transform, windowSize: 8, holdTail: 0, overlap: 4 });
      const pieces = [source.slice(0, cut), ...(source.slice(cut).match(/.{1,5}/g) ?? [])];
      const { text } = await run(target, pieces);
      expect(text).toBe("Write to alice@example.com now, or to alice@example.com.");
      for (const piece of seen) expect(piece).not.toMatch(/\[[A-Z_0-9]*$/);
    }
  });

  it("does not hold a bracket that cannot be a placeholder, nor one longer than the bound", async () => {
    const target = buffer({
      transform: (text) => text,
      windowSize: 8,
      holdTail: 0,
      overlap: 0,
      maxPlaceholderLength: 6,
    });
    expect((await target.push("see [a b] and [")).text).toBe("see [a b] and ");
    const long = buffer({
      transform: (text) => text,
      windowSize: 8,
      holdTail: 0,
      overlap: 0,
      maxPlaceholderLength: 6,
    });
    expect((await long.push("[ABCDEFGHIJ")).text).toBe("[ABCDEFGHIJ");
  });

  it("gives the same output with an asynchronous scan", async () => {
    const asyncRedact: StreamScanFunction = async (text, context) => redactSecrets(text, context);
    const source = "token sk-abcd1234 here and more text to pass the window";
    const pieces = source.match(/.{1,4}/g) ?? [];
    const sync = await run(buffer({ scan: redactSecrets, holdTail: 12, overlap: 12 }), pieces);
    const promised = await run(buffer({ scan: asyncRedact, holdTail: 12, overlap: 12 }), pieces);
    expect(promised.text).toBe(sync.text);
    expect(sync.text).toBe("token [SECRET] here and more text to pass the window");
  });

  it("blocks when the scan throws and fails closed", async () => {
    const ledger = new ScanLedger();
    const target = buffer(
      {
        scan: () => {
          throw new Error("detector crashed");
        },
      },
      ledger,
    );
    const { steps, text } = await run(target, ["x".repeat(30)]);
    expect(text).toBe("");
    expect(steps[0]?.blocked).toBe(true);
    expect(ledger.block?.reason).toBe("scan_failed");
    expect(ledger.failures).toEqual([
      { channel: "content", choiceIndex: 0, reason: "error", message: "detector crashed" },
    ]);
  });

  it("releases and records the window as skipped when the scan fails open", async () => {
    const ledger = new ScanLedger();
    const target = buffer({ failMode: "open", scan: () => Promise.reject(new Error("down")) }, ledger);
    const { text } = await run(target, ["x".repeat(30), "y"]);
    expect(text).toBe(`${"x".repeat(30)}y`);
    expect(ledger.skippedWindows).toBe(2);
    expect(ledger.scannedWindows).toBe(0);
    expect(ledger.block).toBeNull();
  });

  it("treats an asynchronous scan that exceeds its time bound as failed", async () => {
    const ledger = new ScanLedger();
    const never = (): Promise<StreamScanOutcome> => new Promise(() => undefined);
    const target = buffer({ scan: never, scanTimeoutMs: 20 }, ledger);
    const step = await target.push("z".repeat(25));
    expect(step.blocked).toBe(true);
    expect(ledger.failures[0]?.reason).toBe("timeout");
  });

  it("never blocks nor redacts when not enforcing (audit)", async () => {
    const ledger = new ScanLedger();
    const target = buffer(
      { enforce: false, scan: () => ({ verdict: "block", categories: ["secret"] }) },
      ledger,
    );
    const { text } = await run(target, ["a".repeat(25), "b"]);
    expect(text).toBe(`${"a".repeat(25)}b`);
    expect(ledger.verdict).toBe("block");
    expect(ledger.block).toBeNull();
  });

  it("refuses a push while an asynchronous scan is running", async () => {
    let finishScan: (outcome: StreamScanOutcome) => void = () => undefined;
    const target = buffer({
      scan: () =>
        new Promise<StreamScanOutcome>((resolve) => {
          finishScan = resolve;
        }),
    });
    const step = target.push("x".repeat(25));
    expect(() => target.push("y")).toThrow(/while a scan is running/);
    finishScan(allow);
    expect((await step).text).toBe("x".repeat(21));
  });
});
