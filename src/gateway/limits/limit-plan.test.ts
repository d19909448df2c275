import { describe, expect, it } from "vitest";
import { isRejection, planLimits, strictestPromptLimit } from "./limit-plan.js";

describe("planLimits", () => {
  it("plans one take per configured counter and scope, with the principal's ids as subjects", () => {
    const plan = planLimits(
      {
        keyId: "k1",
        app: "chat-app",
        team: "research",
        limits: {
          key: { requestsPerMinute: 10, tokensPerDay: 100_000 },
          app: { tokensPerMinute: 5_000 },
          team: { requestsPerDay: 1_000 },
        },
      },
      { promptTokens: 100, maxTokens: 50 },
      1_024,
    );
    if (isRejection(plan)) throw new Error("unexpected rejection");
    expect(plan.takes.map((take) => [take.counter.subject, take.counter.limit, take.points])).toEqual([
      ["key:k1", "requests-per-minute", 1],
      ["key:k1", "tokens-per-day", 150],
      ["app:chat-app", "tokens-per-minute", 150],
      ["team:research", "requests-per-day", 1],
    ]);
  });

  it("skips app and team limits when the principal has no app or team", () => {
    const plan = planLimits(
      { keyId: "k2", limits: { app: { requestsPerMinute: 1 }, team: { requestsPerMinute: 1 } } },
      { promptTokens: 1 },
      1_024,
    );
    expect(!isRejection(plan) && plan.takes).toEqual([]);
  });
});

describe("strictestPromptLimit", () => {
  it("is the smallest maxPromptTokens of the scopes", () => {
    expect(strictestPromptLimit({})).toBeUndefined();
    expect(strictestPromptLimit({ key: { maxPromptTokens: 8_000 }, team: { maxPromptTokens: 4_000 } })).toBe(
      4_000,
    );
    expect(strictestPromptLimit({ key: { requestsPerMinute: 5 }, app: { maxPromptTokens: 2_000 } })).toBe(
      2_000,
    );
  });
});
