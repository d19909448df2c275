import type { Redis } from "ioredis";
import { RampartError } from "../../core/index.js";
import { type ConversationVault, formatPlaceholder, normalizeType, type PlaceholderVault } from "./vault.js";

/**
 * The vault in Redis, shared by every gateway node. One hash per conversation holds
 * `v:<TYPE>\0<value>` -> placeholder, `p:<placeholder>` -> value and `n:<TYPE>` -> counter; HINCRBY
 * numbers placeholders atomically and HSETNX makes concurrent requests agree on one placeholder
 * per value. The key expires `ttlSeconds` after its last write.
 */
export class RedisVault implements PlaceholderVault {
  constructor(
    private readonly redis: Redis,
    private readonly options: { keyPrefix?: string; ttlSeconds?: number } = {},
  ) {}

  private key(scope: string): string {
    return `${this.options.keyPrefix ?? "rampart:vault:"}${scope}`;
  }

  async open(scope: string): Promise<ConversationVault> {
    const key = this.key(scope);
    const ttl = this.options.ttlSeconds ?? 3600;
    let stored: Record<string, string>;
    try {
      stored = await this.redis.hgetall(key);
    } catch (error) {
      throw new RampartError("redis_unreachable", "the redaction vault (Redis) is unavailable", {
        cause: error,
      });
    }
    const byPlaceholder = new Map<string, string>();
    const byValue = new Map<string, string>();
    for (const [field, value] of Object.entries(stored)) {
      if (field.startsWith("p:")) byPlaceholder.set(field.slice(2), value);
      else if (field.startsWith("v:")) byValue.set(field.slice(2), value);
    }
    return {
      placeholderFor: async (type, value) => {
        const normalized = normalizeType(type);
        const valueKey = `${normalized}\u0000${value}`;
        const known = byValue.get(valueKey);
        if (known !== undefined) return known;
        const index = await this.redis.hincrby(key, `n:${normalized}`, 1);
        const candidate = formatPlaceholder(normalized, index);
        const created = await this.redis.hsetnx(key, `v:${valueKey}`, candidate);
        const placeholder =
          created === 1 ? candidate : ((await this.redis.hget(key, `v:${valueKey}`)) ?? candidate);
        await this.redis.multi().hset(key, `p:${placeholder}`, value).expire(key, ttl).exec();
        byValue.set(valueKey, placeholder);
        byPlaceholder.set(placeholder, value);
        return placeholder;
      },
      valueOf: (placeholder) => byPlaceholder.get(placeholder),
      placeholders: () => byPlaceholder,
    };
  }

  async close(): Promise<void> {}
}
