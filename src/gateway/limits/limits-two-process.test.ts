import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Limits } from "./limits-schema.js";
import { deleteKeys, findTestRedis, randomKeyPrefix, testRedisClient } from "./test-support/test-redis.js";

const execFileAsync = promisify(execFile);
const runnerPath = fileURLToPath(new URL("./test-support/take-requests-runner.ts", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const runnerOutputSchema = z.strictObject({
  granted: z.number().int(),
  rejected: z.number().int(),
  grantedTokens: z.number().int(),
});

const target = await findTestRedis();
if (target.unreachableReason !== undefined && !target.required) {
  console.warn(`skipping the two-process limits test: ${target.unreachableReason}`);
}

/** Run one gateway stand-in in its own Node process; bounded by a 30 s timeout. */
async function runGateway(input: Record<string, unknown>): Promise<z.infer<typeof runnerOutputSchema>> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--import", "tsx", runnerPath, JSON.stringify(input)],
    {
      cwd: repositoryRoot,
      timeout: 30_000,
    },
  );
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  return runnerOutputSchema.parse(JSON.parse(lastLine));
}

describe.skipIf(target.unreachableReason !== undefined && !target.required)(
  "limits hold globally across two gateway processes sharing Redis",
  () => {
    const prefix = randomKeyPrefix("two-process");
    let redis: Redis;

    beforeAll(async () => {
      if (target.unreachableReason !== undefined) throw new Error(target.unreachableReason);
      redis = testRedisClient(target.url);
      await redis.connect();
    });

    afterAll(async () => {
      if (redis !== undefined) {
        await deleteKeys(redis, prefix);
        redis.disconnect();
      }
    });

    async function runBoth(
      keyId: string,
      limits: Limits,
      tokens: { promptTokens: number; maxTokens: number },
      backend: "redis" | "memory" = "redis",
    ) {
      const input = {
        redisUrl: target.url,
        keyPrefix: prefix,
        keyId,
        limits,
        attempts: 80,
        parallel: 8,
        ...tokens,
        // both wait for each other at a barrier in Redis, then run at once
        processes: 2,
        backend,
      };
      return Promise.all([runGateway(input), runGateway(input)]);
    }

    it("grants exactly requestsPerMinute requests in total, not the limit times two", async () => {
      const [first, second] = await runBoth(
        "rpm-key",
        { requestsPerMinute: 50 },
        { promptTokens: 1, maxTokens: 1 },
      );
      expect(first.granted + first.rejected).toBe(80);
      expect(second.granted + second.rejected).toBe(80);
      expect(first.granted + second.granted).toBe(50);
      expect(await redis.get(`${prefix}:requests-per-minute:key:rpm-key`)).toBe("50");
    }, 60_000);

    it("grants no more tokens in total than tokensPerMinute", async () => {
      const [first, second] = await runBoth(
        "tpm-key",
        { tokensPerMinute: 9_000 },
        { promptTokens: 100, maxTokens: 200 },
      );
      const grantedTokens = first.grantedTokens + second.grantedTokens;
      expect(grantedTokens).toBeLessThanOrEqual(9_000);
      // 30 x 300 fill the window exactly; each grant is settled with its full reservation
      expect(first.granted + second.granted).toBe(30);
    }, 60_000);

    it("control: with per-process counters the same race grants the limit twice", async () => {
      const [first, second] = await runBoth(
        "memory-key",
        { requestsPerMinute: 50 },
        { promptTokens: 1, maxTokens: 1 },
        "memory",
      );
      expect(first.granted).toBe(50);
      expect(second.granted).toBe(50);
    }, 60_000);
  },
);
