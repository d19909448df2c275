import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRampartError } from "../../core/errors.js";
import { LimitsService } from "./limits-service.js";
import { granted, keyPrincipal } from "./test-support/limits-suite.js";
import { freePort, hasRedisServerBinary, PrivateRedisServer } from "./test-support/private-redis-server.js";

const available = hasRedisServerBinary();
if (!available) console.warn("skipping the Redis outage test: no redis-server binary on PATH");

/** the error a check throws, or undefined when it did not throw */
async function checkError(service: LimitsService): Promise<unknown> {
  return service.check(keyPrincipal("outage", { requestsPerMinute: 100 }), { promptTokens: 1 }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe.skipIf(!available)("LimitsService during a Redis outage (a private redis-server)", () => {
  let server: PrivateRedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = new PrivateRedisServer(await freePort());
    await server.start();
    // reconnect quickly and for ever, as a gateway's client would
    redis = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    redis.on("error", () => undefined);
  });

  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it("fails closed while Redis is down and counts again once it is back", async () => {
    const failures: unknown[] = [];
    const service = new LimitsService({
      redis,
      keyPrefix: "outage",
      redisTimeoutMs: 500,
      onError: (error) => failures.push(error),
    });
    try {
      granted(await service.check(keyPrincipal("outage", { requestsPerMinute: 100 }), { promptTokens: 1 }));
      await server.stop();
      const error = await checkError(service);
      expect(isRampartError(error) && error.code).toBe("redis_unreachable");
      // the connection's error event reaches onError asynchronously: give it a bounded moment
      for (let attempt = 0; attempt < 40 && failures.length === 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(failures.length).toBeGreaterThan(0);

      await server.start();
      let recovered: unknown = "not yet";
      for (let attempt = 0; attempt < 100 && recovered !== undefined; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        recovered = await checkError(service);
      }
      expect(recovered).toBeUndefined();
    } finally {
      await service.close();
    }
  });

  it("with the memory fallback keeps answering through the outage", async () => {
    const service = new LimitsService({
      redis,
      keyPrefix: "outage-memory",
      redisTimeoutMs: 500,
      onRedisError: "memory",
    });
    try {
      await server.stop();
      const principal = keyPrincipal("fallback", { requestsPerMinute: 1 });
      expect(granted(await service.check(principal, { promptTokens: 1 })).backend).toBe("memory");
      expect((await service.check(principal, { promptTokens: 1 })).allowed).toBe(false);
    } finally {
      await service.close();
      await server.start();
    }
  });
});
