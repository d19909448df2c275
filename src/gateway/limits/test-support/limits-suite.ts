import fc from "fast-check";
import { expect, it } from "vitest";
import type { LimitRejection, LimitsPrincipal } from "../limit-plan.js";
import type { LimitReservation } from "../limit-reservation.js";
import type { Limits } from "../limits-schema.js";
import type { LimitDecision, LimitsService } from "../limits-service.js";

/**
 * The behaviour every counter backend must show; limits-service.test.ts runs it on memory and
 * limits-service-redis.test.ts on the real Redis. `newService` gives a service with fresh counters.
 */
export function limitsServiceSuite(newService: () => LimitsService): void {
  it("grants exactly requestsPerMinute requests, then rejects with the limit and scope", async () => {
    const service = newService();
    const principal = keyPrincipal("boundary", { requestsPerMinute: 5 });
    const decisions: LimitDecision[] = [];
    for (let index = 0; index < 7; index += 1) {
      decisions.push(await service.check(principal, { promptTokens: 10, maxTokens: 10 }));
    }
    expect(decisions.map((decision) => decision.allowed)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    const rejection = rejected(decisions[5]);
    expect(rejection.limit).toBe("requests-per-minute");
    expect(rejection.scope).toBe("key");
    expect(rejection.retryable).toBe(true);
    expect(rejection.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(rejection.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("reserves prompt + max_tokens and gives back the unused part on settle", async () => {
    const service = newService();
    const principal = keyPrincipal("settle", { tokensPerMinute: 1_000 });
    const first = granted(await service.check(principal, { promptTokens: 100, maxTokens: 400 }));
    expect(first.reservedTokens).toBe(500);
    granted(await service.check(principal, { promptTokens: 100, maxTokens: 400 }));
    const third = rejected(await service.check(principal, { promptTokens: 100, maxTokens: 200 }));
    expect(third.limit).toBe("tokens-per-minute");
    await first.settle({ promptTokens: 100, completionTokens: 50 });
    // 150 used + 500 reserved: 350 left
    granted(await service.check(principal, { promptTokens: 100, maxTokens: 250 }));
    expect((await service.check(principal, { promptTokens: 1, maxTokens: 0 })).allowed).toBe(false);
  });

  it("charges usage beyond the reservation", async () => {
    const service = newService();
    const principal = keyPrincipal("charge", { tokensPerMinute: 1_000 });
    const reservation = granted(await service.check(principal, { promptTokens: 100, maxTokens: 100 }));
    await reservation.settle({ promptTokens: 100, completionTokens: 500 });
    expect((await service.check(principal, { promptTokens: 200, maxTokens: 201 })).allowed).toBe(false);
    granted(await service.check(principal, { promptTokens: 200, maxTokens: 200 }));
  });

  it("gives back the whole reservation on release, once", async () => {
    const service = newService();
    const principal = keyPrincipal("release", { tokensPerMinute: 1_000 });
    const reservation = granted(await service.check(principal, { promptTokens: 300, maxTokens: 500 }));
    expect((await service.check(principal, { promptTokens: 300, maxTokens: 0 })).allowed).toBe(false);
    await reservation.release();
    await reservation.release();
    await reservation.settle({ promptTokens: 0, completionTokens: 0 });
    expect(reservation.finished).toBe(true);
    const full = granted(await service.check(principal, { promptTokens: 500, maxTokens: 500 }));
    expect(full.reservedTokens).toBe(1_000);
  });

  it("a rejected reservation takes nothing from any scope (all or none)", async () => {
    const service = newService();
    const teamPrincipal: LimitsPrincipal = {
      keyId: "all-or-none",
      team: "small-team",
      limits: { key: { tokensPerMinute: 1_000 }, team: { tokensPerMinute: 500 } },
    };
    const rejection = rejected(
      await service.check(teamPrincipal, { promptTokens: 100, maxTokens: 400 + 100 }),
    );
    expect(rejection.scope).toBe("team");
    granted(await service.check(teamPrincipal, { promptTokens: 100, maxTokens: 400 }));
    const keyOnly: LimitsPrincipal = { keyId: "all-or-none", limits: { key: { tokensPerMinute: 1_000 } } };
    // the key holds 500; had the rejected 600 stayed, 500 more would not fit
    granted(await service.check(keyOnly, { promptTokens: 0, maxTokens: 500 }));
    expect((await service.check(keyOnly, { promptTokens: 0, maxTokens: 1 })).allowed).toBe(false);
  });

  it("a rejected request does not eat the quota of the next one", async () => {
    const service = newService();
    const principal = keyPrincipal("no-eat", { tokensPerMinute: 1_000 });
    granted(await service.check(principal, { promptTokens: 0, maxTokens: 900 }));
    expect((await service.check(principal, { promptTokens: 0, maxTokens: 200 })).allowed).toBe(false);
    granted(await service.check(principal, { promptTokens: 0, maxTokens: 100 }));
  });

  it("many concurrent reservations never overshoot the token limit", async () => {
    const service = newService();
    const principal = keyPrincipal("concurrent", { tokensPerMinute: 10_000 });
    const decisions = await Promise.all(
      Array.from({ length: 100 }, () => service.check(principal, { promptTokens: 100, maxTokens: 200 })),
    );
    const grantedTokens = decisions.reduce(
      (sum, decision) => sum + (decision.allowed ? decision.reservedTokens : 0),
      0,
    );
    expect(grantedTokens).toBeLessThanOrEqual(10_000);
    // 33 x 300 = 9,900; a 34th would overshoot. Fewer would mean rejections that were not needed.
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(33);
  });

  it("property: concurrent reservations never exceed the limit and refuse only what did not fit", async () => {
    const service = newService();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 5_000 }),
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 40 }),
        async (limit, sizes) => {
          run += 1;
          const principal = keyPrincipal(`property-${run}`, { tokensPerMinute: limit });
          const decisions = await Promise.all(
            sizes.map((size) => service.check(principal, { promptTokens: size, maxTokens: 0 })),
          );
          const grantedTotal = decisions.reduce(
            (sum, decision) => sum + (decision.allowed ? decision.reservedTokens : 0),
            0,
          );
          expect(grantedTotal).toBeLessThanOrEqual(limit);
          // grants only add up, so a refused request must not fit even in what is left at the end
          decisions.forEach((decision, index) => {
            if (!decision.allowed) expect(sizes[index]).toBeGreaterThan(limit - grantedTotal);
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("concurrent reservations of mixed sizes over two scopes stay within both limits", async () => {
    const service = newService();
    const principal: LimitsPrincipal = {
      keyId: "mixed",
      app: "mixed-app",
      limits: { key: { tokensPerMinute: 5_000 }, app: { tokensPerMinute: 4_000, requestsPerMinute: 30 } },
    };
    const sizes = Array.from({ length: 60 }, (_, index) => 50 + ((index * 37) % 300));
    const decisions = await Promise.all(
      sizes.map((size) => service.check(principal, { promptTokens: size, maxTokens: 10 })),
    );
    const allowed = decisions.filter((decision): decision is LimitReservation => decision.allowed);
    const total = allowed.reduce((sum, decision) => sum + decision.reservedTokens, 0);
    expect(total).toBeLessThanOrEqual(4_000);
    expect(allowed.length).toBeLessThanOrEqual(30);
    expect(allowed.length).toBeGreaterThan(0);
  });

  it("clamps max_tokens and reserves the clamp when max_tokens is absent", async () => {
    const service = newService();
    const principal: LimitsPrincipal = {
      keyId: "clamp",
      team: "clamp-team",
      limits: { key: { maxCompletionTokens: 800 }, team: { maxCompletionTokens: 300, tokensPerDay: 10_000 } },
    };
    const clamped = granted(await service.check(principal, { promptTokens: 20, maxTokens: 5_000 }));
    expect(clamped.maxTokens).toBe(300);
    expect(clamped.reservedTokens).toBe(320);
    const absent = granted(await service.check(principal, { promptTokens: 20 }));
    expect(absent.maxTokens).toBe(300);
    const smaller = granted(await service.check(principal, { promptTokens: 20, maxTokens: 50 }));
    expect(smaller.maxTokens).toBe(50);
  });

  it("rejects a prompt over maxPromptTokens without counting it", async () => {
    const service = newService();
    const principal: LimitsPrincipal = {
      keyId: "prompt-size",
      app: "prompt-app",
      limits: { key: { requestsPerMinute: 1 }, app: { maxPromptTokens: 1_000 } },
    };
    const rejection = rejected(await service.check(principal, { promptTokens: 1_001, maxTokens: 1 }));
    expect(rejection).toMatchObject({ limit: "max-prompt-tokens", scope: "app", retryable: false });
    granted(await service.check(principal, { promptTokens: 1_000, maxTokens: 1 }));
  });
}

export function keyPrincipal(keyId: string, limits: Limits): LimitsPrincipal {
  return { keyId, limits: { key: limits } };
}

export function granted(decision: LimitDecision | undefined): LimitReservation {
  if (decision === undefined || !decision.allowed) {
    throw new Error(`expected a reservation, got ${JSON.stringify(decision)}`);
  }
  return decision;
}

export function rejected(decision: LimitDecision | undefined): LimitRejection {
  if (decision === undefined || decision.allowed) throw new Error("expected a rejection, got a reservation");
  return decision;
}
