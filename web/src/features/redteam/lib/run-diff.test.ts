import { redteamDiffSchema } from "@core/api/redteam";
import { describe, expect, it } from "vitest";
import { comparabilityNotes, summariseDiff } from "./run-diff";

const change = { id: "spe-direct-01~none", probe: "spe-direct-01", strategy: "none", owasp: ["LLM07"] };

describe("summariseDiff", () => {
  it("calls a higher ASR worse and counts regressions, fixes and unmatched cases", () => {
    const summary = summariseDiff(
      redteamDiffSchema.parse({
        base: "rt_a",
        head: "rt_b",
        regressions: [change, { ...change, id: "x~none" }],
        fixes: [],
        added: 1,
        removed: 0,
        asrBefore: 0.1,
        asrAfter: 0.2167,
      }),
    );
    expect(summary).toEqual({
      asrChange: "10.0% → 21.7%",
      delta: "+11.7 points",
      direction: "worse",
      headline:
        "2 regressions (attacks that now work), 0 fixes (attacks that stopped working), 1 case only in the head run.",
    });
  });

  it("calls a lower ASR better and an equal one unchanged", () => {
    const base = { base: "a", head: "b", regressions: [], fixes: [change], added: 0, removed: 90 };
    const better = summariseDiff({ ...base, asrBefore: 0.2167, asrAfter: 0 });
    expect(better).toMatchObject({ direction: "better", delta: "−21.7 points" });
    expect(better.headline).toContain("1 fix (an attack that stopped working)");
    expect(better.headline).toContain("90 cases only in the base run");
    expect(summariseDiff({ ...base, asrBefore: 0.3, asrAfter: 0.3 })).toMatchObject({
      direction: "unchanged",
      delta: "±0.0 points",
    });
  });
});

describe("comparabilityNotes", () => {
  const run = { targetId: "gateway", target: "http://x/v1", model: "m", seed: 1 };
  it("says nothing when seed, target and model match", () => {
    expect(comparabilityNotes(run, { ...run })).toEqual([]);
  });
  it("names a different seed, target or model", () => {
    expect(comparabilityNotes(run, { targetId: null, target: "http://y/v1", model: "n", seed: 3 })).toEqual([
      "The runs used different seeds (1 and 3), so their cases differ.",
      "The runs attacked different targets (gateway and http://y/v1).",
      "The runs attacked different models (m and n).",
    ]);
  });
});
