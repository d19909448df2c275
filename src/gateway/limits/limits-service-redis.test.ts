import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRampartError } from "../../core/errors.js";
import { LimitsService } from "./limits-service.js";
import { granted, keyPrincipal, limitsServiceSuite } from "./test-support/limits-suite.js";
import { deleteKeys, findTestRedis, randomKeyPrefix, testRedisClient } from "./test-support/test-redis.js";

const target = await findTestRedis();
if (target.unreachableReason !== undefined && !target.required) {
  console.warn(
    `skipping the Redis limits tests: ${target.unreachableReason} (set RAMPART_TEST_REDIS_URL to require it)`,
  );
}

describe.skipIf(target.unreachableReason !== undefined && !target.required)("LimitsService on Redis", () => {
  const prefix = randomKeyPrefix("limits");
  let redis: Redis;
  const services: LimitsService[] = [];
  let serviceCount = 0;

  beforeAll(async () => {
    if (target.unreachableReason !== undefined) throw new Error(target.unreachableReason);
    redis = testRedisClient(target.url);
    await redis.connect();
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.close()));
    if (redis !== undefined) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  function newService(options: { onRedisError?: "closed" | "memory" } = {}): LimitsService {
    serviceCount += 1;
    const service = new LimitsService({ redis, keyPrefix: `${prefix}:${serviceCount}`, ...options });
    services.push(service);
    return service;
  }

  limitsServiceSuite(() => newService());

  it("keeps its counters in Redis under the key prefix, with the window as expiry", async () => {
    const service = newService();
    expect(service.backend).toBe("redis");
    granted(
      await service.check(keyPrincipal("stored", { tokensPerMinute: 5_000 }), {
        promptTokens: 7,
        maxTokens: 5,
      }),
    );
    const key = `${prefix}:${serviceCount}:tokens-per-minute:key:stored`;
    expect(await redis.get(key)).toBe("12");
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("two services on the same prefix (two gateway nodes) share one limit", async () => {
    const first = newService();
    const second = new LimitsService({ redis, keyPrefix: `${prefix}:${serviceCount}` });
    services.push(second);
    const principal = keyPrincipal("shared", { requestsPerMinute: 4 });
    const decisions = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).check(principal, { promptTokens: 1 }),
      ),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(4);
  });

  it("fails closed with redis_unreachable when Redis does not answer", async () => {
    const deadRedis = testRedisClient("redis://127.0.0.1:1");
    const service = new LimitsService({ redis: deadRedis, keyPrefix: prefix, redisTimeoutMs: 500 });
    try {
      const error = await service
        .check(keyPrincipal("down", { requestsPerMinute: 10 }), { promptTokens: 1 })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(isRampartError(error) && error.code).toBe("redis_unreachable");
    } finally {
      await service.close();
      deadRedis.disconnect();
    }
  });

  it("falls back to memory counters when told to, and reports the failure", async () => {
    const deadRedis = testRedisClient("redis://127.0.0.1:1");
    const failures: unknown[] = [];
    const service = new LimitsService({
      redis: deadRedis,
      keyPrefix: prefix,
      redisTimeoutMs: 500,
      onRedisError: "memory",
      onError: (error) => failures.push(error),
    });
    try {
      const principal = keyPrincipal("fallback", { requestsPerMinute: 2 });
      const first = granted(await service.check(principal, { promptTokens: 1 }));
      expect(first.backend).toBe("memory");
      granted(await service.check(principal, { promptTokens: 1 }));
      expect((await service.check(principal, { promptTokens: 1 })).allowed).toBe(false);
      expect(failures.length).toBeGreaterThanOrEqual(1);
    } finally {
      await service.close();
      deadRedis.disconnect();
    }
  });
});
