import { Redis } from "ioredis";
import { RampartError } from "../core/index.js";

/**
 * Connects to the configured Redis (shared limits, the redaction vault and key revocation across
 * nodes) and checks that it answers. An unreachable server is a one-line error that names the host,
 * never the password.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 3_000,
    enableOfflineQueue: true,
  });
  redis.on("error", () => undefined); // reported by the callers' own operations
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    const where = new URL(url);
    throw new RampartError(
      "redis_unreachable",
      `cannot reach Redis at ${where.hostname}:${where.port || "6379"}`,
      {
        cause: error,
      },
    );
  }
}
