import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** The Redis the tests use: RAMPART_TEST_REDIS_URL, or the machine's default server. */
export const defaultTestRedisUrl = "redis://127.0.0.1:6379";

export interface TestRedisTarget {
  url: string;
  /** true when RAMPART_TEST_REDIS_URL named it: then an unreachable server fails the tests */
  required: boolean;
  /** undefined when reachable; otherwise why not */
  unreachableReason: string | undefined;
}

/** Probe the test Redis once (PING with a short time bound). */
export async function findTestRedis(env: NodeJS.ProcessEnv = process.env): Promise<TestRedisTarget> {
  const configured = env.RAMPART_TEST_REDIS_URL;
  const url = configured === undefined || configured === "" ? defaultTestRedisUrl : configured;
  const client = testRedisClient(url, { connectTimeout: 1_000 });
  try {
    await client.connect();
    await client.ping();
    return { url, required: url === configured, unreachableReason: undefined };
  } catch (error) {
    const reason = `Redis at ${url} is unreachable (${error instanceof Error ? error.message : String(error)})`;
    return { url, required: url === configured, unreachableReason: reason };
  } finally {
    client.disconnect();
  }
}

/** An ioredis client that fails fast instead of queueing and retrying for long. */
export function testRedisClient(url: string, options: { connectTimeout?: number } = {}): Redis {
  return new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeout ?? 2_000,
    retryStrategy: (attempt) => (attempt > 3 ? null : 100),
  });
}

/** A key prefix of its own for each test run, so runs never share counters. */
export function randomKeyPrefix(label: string): string {
  return `rampart-test:${label}:${randomBytes(6).toString("hex")}`;
}

/** Delete every key under a prefix (bounded SCAN), so test runs leave nothing behind. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  for (let round = 0; round < 1_000; round += 1) {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
    if (cursor === "0") return;
  }
}
