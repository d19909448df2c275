import { describe, expect, it } from "vitest";
import { parseStreamGuardSettings } from "./stream-guard-options.js";

describe("parseStreamGuardSettings", () => {
  it("fills defaults and keeps the parsed settings for the same values", () => {
    const scan = () => ({ verdict: "allow" as const, categories: [] });
    const first = parseStreamGuardSettings({ mode: "hold-back", windowSize: 120, scan } as never);
    expect(first).toMatchObject({ mode: "hold-back", windowSize: 120, holdTail: 30, maxPending: 480 });
    expect(Object.isFrozen(first)).toBe(true);
    // the functions of a stream are not settings: another stream with the same values shares them
    expect(parseStreamGuardSettings({ mode: "hold-back", windowSize: 120 })).toBe(first);
    expect(parseStreamGuardSettings({ mode: "hold-back", windowSize: 121 })).not.toBe(first);
    expect(parseStreamGuardSettings({ mode: "buffer", windowSize: 120 }).mode).toBe("buffer");
  });

  it("refuses invalid values every time, also after valid ones were kept", () => {
    parseStreamGuardSettings({ windowSize: 50 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(() => parseStreamGuardSettings({ windowSize: 50, holdTail: 50 })).toThrow(/holdTail/);
      expect(() => parseStreamGuardSettings({ windowSize: "50" as never })).toThrow(/windowSize/);
    }
  });
});
