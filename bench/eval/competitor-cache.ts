import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { Judgement } from "./competitors.js";

/**
 * The competitors are fixed packages, so their judgements are cached between runs in
 * node_modules/.cache (outside the repository); a new package version gets new keys.
 */
const CACHE_DIRECTORY = new URL("../../node_modules/.cache/rampart-eval/", import.meta.url);
const cacheSchema = z.record(z.string(), z.object({ score: z.number(), flagged: z.boolean() }));

export class JudgementCache {
  private readonly entries: Map<string, Judgement>;
  private readonly file: URL;

  constructor(name: string) {
    this.file = new URL(`${name.replace(/[^a-z0-9.-]/gi, "_")}.json`, CACHE_DIRECTORY);
    const parsed = existsSync(this.file)
      ? cacheSchema.safeParse(JSON.parse(readFileSync(this.file, "utf8")))
      : undefined;
    this.entries = new Map(parsed?.success ? Object.entries(parsed.data) : []);
  }

  static key(text: string): string {
    return createHash("sha256").update(text).digest("base64url").slice(0, 22);
  }

  get(text: string): Judgement | undefined {
    return this.entries.get(JudgementCache.key(text));
  }

  set(text: string, judgement: Judgement): void {
    this.entries.set(JudgementCache.key(text), judgement);
  }

  save(): void {
    mkdirSync(CACHE_DIRECTORY, { recursive: true });
    writeFileSync(this.file, JSON.stringify(Object.fromEntries(this.entries)));
  }
}
