import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryVault } from "./memory-vault.js";
import { redactText } from "./operators.js";
import { RedisVault } from "./redis-vault.js";
import { restorePlaceholders } from "./restore.js";
import type { PlaceholderVault } from "./vault.js";

const redisUrl = process.env.RAMPART_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const requireRedis = process.env.RAMPART_TEST_REDIS_URL !== undefined;

async function redisOrNull(): Promise<Redis | null> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000 });
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (error) {
    client.disconnect();
    if (requireRedis) throw error;
    return null;
  }
}

function vaultSuite(name: string, make: () => Promise<PlaceholderVault | null>) {
  describe(`${name} vault`, () => {
    let vault: PlaceholderVault | null = null;
    beforeAll(async () => {
      vault = await make();
    });

    it("keeps one placeholder per value within a conversation, numbered per type", async (test) => {
      if (vault === null)
        return test.skip("Redis is not reachable at 127.0.0.1:6379 and RAMPART_TEST_REDIS_URL is unset");
      const conversation = await vault.open(`c-${Math.random()}`);
      const first = await conversation.placeholderFor("EMAIL", "a@example.com");
      const second = await conversation.placeholderFor("EMAIL", "b@example.com");
      const again = await conversation.placeholderFor("EMAIL", "a@example.com");
      const phone = await conversation.placeholderFor("PHONE", "+44 20 7946 0958");
      expect(first).toBe("[EMAIL_1]");
      expect(second).toBe("[EMAIL_2]");
      expect(again).toBe(first);
      expect(phone).toBe("[PHONE_1]");
    });

    it("never restores a placeholder in another conversation", async (test) => {
      if (vault === null) return test.skip("Redis is not reachable and RAMPART_TEST_REDIS_URL is unset");
      const one = await vault.open(`one-${Math.random()}`);
      const two = await vault.open(`two-${Math.random()}`);
      const placeholder = await one.placeholderFor("EMAIL", "secret@example.com");
      expect(restorePlaceholders(`write to ${placeholder}`, one)).toBe("write to secret@example.com");
      expect(restorePlaceholders(`write to ${placeholder}`, two)).toBe(`write to ${placeholder}`);
    });

    it("a later request of the same conversation sees earlier placeholders", async (test) => {
      if (vault === null) return test.skip("Redis is not reachable and RAMPART_TEST_REDIS_URL is unset");
      const scope = `later-${Math.random()}`;
      const first = await vault.open(scope);
      const placeholder = await first.placeholderFor("IBAN", "DE89370400440532013000");
      const second = await vault.open(scope);
      expect(second.valueOf(placeholder)).toBe("DE89370400440532013000");
      expect(await second.placeholderFor("IBAN", "DE89370400440532013000")).toBe(placeholder);
    });

    it("keeps conversations apart under concurrent use", async (test) => {
      if (vault === null) return test.skip("Redis is not reachable and RAMPART_TEST_REDIS_URL is unset");
      const active = vault;
      const run = Math.random();
      // 20 conversations, each used by 5 concurrent "requests" that all redact the same 3 values
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, conversationIndex) =>
          Promise.all(
            Array.from({ length: 5 }, async () => {
              const conversation = await active.open(`concurrent-${run}-${conversationIndex}`);
              const values = [0, 1, 2].map((value) => `user${conversationIndex}-${value}@example.com`);
              const placeholders = [];
              for (const value of values)
                placeholders.push(await conversation.placeholderFor("EMAIL", value));
              return { conversationIndex, values, placeholders };
            }),
          ),
        ),
      );
      for (const requests of results) {
        const [first] = requests;
        for (const requestResult of requests) expect(requestResult.placeholders).toEqual(first?.placeholders);
        const reopened = await active.open(`concurrent-${run}-${first?.conversationIndex}`);
        first?.placeholders.forEach((placeholder, index) => {
          expect(reopened.valueOf(placeholder)).toBe(first.values[index]);
        });
        // no value of another conversation is restorable here
        const other = await active.open(`concurrent-${run}-${((first?.conversationIndex ?? 0) + 1) % 20}`);
        for (const [placeholder, value] of other.placeholders()) {
          expect(first?.values).not.toContain(value);
          expect(typeof placeholder).toBe("string");
        }
      }
    });
  });
}

let redisClient: Redis | null = null;
vaultSuite("memory", async () => new MemoryVault());
vaultSuite("redis", async () => {
  redisClient = await redisOrNull();
  return redisClient === null
    ? null
    : new RedisVault(redisClient, { keyPrefix: `rampart-test:${process.pid}:${Date.now()}:` });
});
afterAll(() => {
  redisClient?.disconnect();
});

describe("restorePlaceholders", () => {
  it("restores the small rewrites models make", async () => {
    const conversation = await new MemoryVault().open("rewrites");
    await conversation.placeholderFor("EMAIL", "a@example.com");
    await conversation.placeholderFor("US_SSN", "078-05-1120");
    for (const written of ["[EMAIL_1]", "[email_1]", "[EMAIL 1]", "[ EMAIL_1 ]", "EMAIL_1", "<EMAIL_1>"]) {
      expect(restorePlaceholders(`to ${written}.`, conversation)).toBe("to a@example.com.");
    }
    expect(restorePlaceholders("ssn [US_SSN_1]", conversation)).toBe("ssn 078-05-1120");
    expect(restorePlaceholders("unknown [EMAIL_7] and [NAME_1]", conversation)).toBe(
      "unknown [EMAIL_7] and [NAME_1]",
    );
  });

  it("expires a conversation after its TTL", async () => {
    let now = 0;
    const vault = new MemoryVault({ ttlMs: 1000, now: () => now });
    const conversation = await vault.open("ttl");
    const placeholder = await conversation.placeholderFor("EMAIL", "a@example.com");
    now = 2000;
    expect((await vault.open("ttl")).valueOf(placeholder)).toBeUndefined();
  });
});

describe("redactText", () => {
  const finding = (start: number, end: number, type: string) => ({
    detector: "pii",
    category: "pii" as const,
    rule: type.toLowerCase(),
    type,
    start,
    end,
    score: 0.9,
    severity: "medium" as const,
  });

  it("applies each operator to its span and keeps the rest", async () => {
    const text = "mail a@example.com or call 555-0100, key sk-1234567890abcdef";
    const email = finding(5, 18, "EMAIL");
    const phone = finding(27, 35, "PHONE");
    const secret = { ...finding(41, text.length, "openai"), category: "secret" as const };
    const conversation = await new MemoryVault().open("ops");
    const out = await redactText(
      text,
      [secret, phone, email],
      (item) => (item.category === "secret" ? "mask" : item.type === "PHONE" ? "hash" : "placeholder"),
      conversation,
      { hashSalt: "salt" },
    );
    expect(out).toMatch(/^mail \[EMAIL_1\] or call \[PHONE:[0-9a-f]{12}\], key \*{12}$/);
    expect(out).not.toContain("sk-1234567890abcdef");
  });

  it("encrypts with AES-256-GCM when a key is given, and never repeats the ciphertext", async () => {
    const conversation = await new MemoryVault().open("enc");
    const key = Buffer.alloc(32, 7);
    const once = await redactText("id 12345", [finding(3, 8, "ID")], () => "encrypt", conversation, {
      hashSalt: "",
      encryptionKey: key,
    });
    const twice = await redactText("id 12345", [finding(3, 8, "ID")], () => "encrypt", conversation, {
      hashSalt: "",
      encryptionKey: key,
    });
    expect(once).toMatch(/^id \[enc:[A-Za-z0-9_-]+\]$/);
    expect(once).not.toBe(twice);
  });

  it("keeps the first of overlapping findings", async () => {
    const conversation = await new MemoryVault().open("overlap");
    const out = await redactText(
      "abcdefgh",
      [finding(0, 4, "A"), finding(2, 6, "B")],
      () => "placeholder",
      conversation,
      { hashSalt: "" },
    );
    expect(out).toBe("[A_1]efgh");
  });
});
