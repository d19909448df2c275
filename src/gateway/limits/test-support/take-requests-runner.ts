/**
 * A gateway stand-in for the two-process test (limits-two-process.test.ts): run with
 * `node --import tsx take-requests-runner.ts '<json>'`. It waits at a barrier in Redis until
 * `processes` runners have arrived (bounded), then makes `attempts`
 * checks against the shared Redis (`parallel` at a time), settles each grant with its reserved
 * usage, and prints one JSON line `{ granted, rejected, grantedTokens }`.
 */
import { z } from "zod";
import { limitsSchema } from "../limits-schema.js";
import { LimitsService } from "../limits-service.js";
import { testRedisClient } from "./test-redis.js";

const runnerInputSchema = z.strictObject({
  redisUrl: z.string().min(1),
  keyPrefix: z.string().min(1),
  keyId: z.string().min(1),
  limits: limitsSchema,
  attempts: z.number().int().positive().max(10_000),
  parallel: z.number().int().positive().max(100),
  promptTokens: z.number().int().nonnegative(),
  maxTokens: z.number().int().nonnegative(),
  /** "memory" counts in the process (the control case: limits then do not hold globally) */
  backend: z.enum(["redis", "memory"]),
  /** how many runners meet at the barrier before any starts */
  processes: z.number().int().positive().max(10),
});

async function main(): Promise<void> {
  const input = runnerInputSchema.parse(JSON.parse(process.argv[2] ?? "null"));
  const redis = testRedisClient(input.redisUrl);
  await redis.connect();
  const service = new LimitsService({
    keyPrefix: input.keyPrefix,
    ...(input.backend === "redis" ? { redis } : {}),
  });
  const principal = { keyId: input.keyId, limits: { key: input.limits } };
  // warm the connection before the common start, so both processes really overlap
  await service.check({ keyId: `${input.keyId}-warmup`, limits: {} }, { promptTokens: 0 });
  const barrierKey = `${input.keyPrefix}:barrier:${input.keyId}`;
  await redis.incr(barrierKey);
  for (let poll = 0; poll < 1_000; poll += 1) {
    if (Number(await redis.get(barrierKey)) >= input.processes) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  let granted = 0;
  let rejected = 0;
  let grantedTokens = 0;
  for (let done = 0; done < input.attempts; done += input.parallel) {
    const batch = Math.min(input.parallel, input.attempts - done);
    const decisions = await Promise.all(
      Array.from({ length: batch }, () =>
        service.check(principal, { promptTokens: input.promptTokens, maxTokens: input.maxTokens }),
      ),
    );
    for (const decision of decisions) {
      if (decision.allowed) {
        granted += 1;
        grantedTokens += decision.reservedTokens;
        await decision.settle({ promptTokens: input.promptTokens, completionTokens: input.maxTokens });
      } else {
        rejected += 1;
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ granted, rejected, grantedTokens })}\n`);
  await service.close();
  redis.disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
