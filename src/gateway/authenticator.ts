import { RampartError } from "../core/index.js";
import { type ApiKeyRecord, type ApiKeyRepository, apiKeyStatus, hashApiKey } from "../store/index.js";
import { type Principal, principalOf } from "./principal.js";

/** How long a looked-up key is trusted before the store is asked again: revocation shows within this. */
export const KEY_CACHE_TTL_MS = 500;
/** How often a key's lastUsedAt is written at most. */
export const TOUCH_INTERVAL_MS = 60_000;
/** Upper bound on cached keys, so a flood of random keys cannot grow memory. */
const MAX_CACHED_KEYS = 10_000;

/** `Authorization: Bearer rk_...`; `x-api-key` is accepted too for clients that only send that. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === "string") {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const apiKey = headers["x-api-key"];
  return typeof apiKey === "string" && apiKey !== "" ? apiKey : undefined;
}

/**
 * Turns a presented API key into a principal. Keys are looked up by their SHA-256 hash (an indexed,
 * exact lookup; the hash carries no timing signal about the key itself). Lookups are cached for
 * KEY_CACHE_TTL_MS so a revocation takes effect within that time on every node.
 */
export class Authenticator {
  private readonly cache = new Map<string, { record: ApiKeyRecord | undefined; fetchedAt: number }>();
  private readonly lastTouched = new Map<string, number>();

  /**
   * @param staticKeys keys that live only in memory, by hash (the demo key of `rampart serve --demo`);
   *   they are never written to the store, so they stop working when the process that made them stops
   */
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly kind: ApiKeyRecord["kind"] = "gateway",
    private readonly now: () => number = Date.now,
    private readonly staticKeys: ReadonlyMap<string, ApiKeyRecord> = new Map(),
  ) {}

  async authenticate(key: string | undefined): Promise<Principal> {
    if (key === undefined) {
      throw new RampartError("unauthorized", "missing API key: send 'Authorization: Bearer rk_...'");
    }
    const record = await this.lookup(hashApiKey(key));
    if (record === undefined || record.kind !== this.kind) {
      throw new RampartError("unauthorized", "invalid API key");
    }
    const status = apiKeyStatus(record, new Date(this.now()));
    if (status !== "active") throw new RampartError("unauthorized", `API key ${record.prefix}… is ${status}`);
    this.touch(record);
    return principalOf(record);
  }

  private async lookup(hash: string): Promise<ApiKeyRecord | undefined> {
    const fixed = this.staticKeys.get(hash);
    if (fixed !== undefined) return fixed;
    const cached = this.cache.get(hash);
    const now = this.now();
    if (cached !== undefined && now - cached.fetchedAt < KEY_CACHE_TTL_MS) return cached.record;
    let record: ApiKeyRecord | undefined;
    try {
      record = await this.keys.findByHash(hash);
    } catch (error) {
      throw new RampartError("storage_unreachable", "the key store is unavailable", { cause: error });
    }
    if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
    this.cache.set(hash, { record, fetchedAt: now });
    return record;
  }

  /** Forgets cached lookups (after a local revocation, for example). */
  invalidate(): void {
    this.cache.clear();
  }

  private touch(record: ApiKeyRecord): void {
    if (this.staticKeys.has(record.hash)) return;
    const now = this.now();
    const last = this.lastTouched.get(record.id) ?? 0;
    if (now - last < TOUCH_INTERVAL_MS) return;
    if (this.lastTouched.size >= MAX_CACHED_KEYS) this.lastTouched.clear();
    this.lastTouched.set(record.id, now);
    this.keys.touch(record.id, new Date(now)).catch(() => undefined);
  }
}
