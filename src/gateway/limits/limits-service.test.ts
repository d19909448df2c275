import { describe, expect, it } from "vitest";
import { LimitsService } from "./limits-service.js";
import { granted, keyPrincipal, limitsServiceSuite, rejected } from "./test-support/limits-suite.js";

describe("LimitsService in memory", () => {
  limitsServiceSuite(() => new LimitsService({ keyPrefix: "memory-test" }));

  it("reports the memory backend", () => {
    expect(new LimitsService({ keyPrefix: "memory-test" }).backend).toBe("memory");
  });

  it("rejects for good a request that needs more tokens than the window holds", async () => {
    const service = new LimitsService({ keyPrefix: "memory-test" });
    const principal = keyPrincipal("too-big", { tokensPerDay: 1_000, requestsPerMinute: 10 });
    const rejection = rejected(await service.check(principal, { promptTokens: 600, maxTokens: 401 }));
    expect(rejection).toMatchObject({ limit: "tokens-per-day", scope: "key", retryable: false });
    expect(rejection.retryAfterSeconds).toBe(0);
    granted(await service.check(principal, { promptTokens: 600, maxTokens: 400 }));
  });

  it("reserves the default completion reservation when nothing clamps max_tokens", async () => {
    const service = new LimitsService({ keyPrefix: "memory-test", defaultCompletionReservation: 256 });
    const reservation = granted(
      await service.check(keyPrincipal("default", { tokensPerMinute: 10_000 }), { promptTokens: 44 }),
    );
    expect(reservation.maxTokens).toBeUndefined();
    expect(reservation.reservedTokens).toBe(300);
  });

  it("keeps counters of different keys, apps and teams apart", async () => {
    const service = new LimitsService({ keyPrefix: "memory-test" });
    granted(await service.check(keyPrincipal("apart-a", { requestsPerMinute: 1 }), { promptTokens: 1 }));
    granted(await service.check(keyPrincipal("apart-b", { requestsPerMinute: 1 }), { promptTokens: 1 }));
    expect(
      (await service.check(keyPrincipal("apart-a", { requestsPerMinute: 1 }), { promptTokens: 1 })).allowed,
    ).toBe(false);
  });
});

describe("LimitsService input", () => {
  it("rounds fractional token counts up and refuses counts that are not numbers", async () => {
    const service = new LimitsService({ keyPrefix: "memory-test" });
    const principal = keyPrincipal("fractions", { tokensPerMinute: 1_000 });
    const reservation = granted(await service.check(principal, { promptTokens: 10.2, maxTokens: 5.5 }));
    expect(reservation.reservedTokens).toBe(17);
    await expect(service.check(principal, { promptTokens: Number.NaN })).rejects.toMatchObject({
      code: "internal",
    });
    await expect(service.check(principal, { promptTokens: -1 })).rejects.toMatchObject({ code: "internal" });
  });
});
