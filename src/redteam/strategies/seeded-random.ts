import { createHash } from "node:crypto";

/** A small deterministic random source (mulberry32). Same seed, same sequence, on every platform. */
export interface SeededRandom {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [0, bound) */
  below(bound: number): number;
  pick<Item>(items: readonly Item[]): Item;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const below = (bound: number) => Math.floor(next() * bound);
  return {
    next,
    below,
    pick<Item>(items: readonly Item[]): Item {
      const item = items[below(items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}

/** A 32-bit seed derived from the run seed and a label (a case id), so that cases are independent. */
export function deriveSeed(seed: number, label: string): number {
  return createHash("sha256").update(`${seed}:${label}`).digest().readUInt32BE(0);
}

/** A short hex token derived from the seed and a label: canaries and planted secrets. */
export function derivedToken(seed: number, label: string, length = 8): string {
  return createHash("sha256").update(`token:${seed}:${label}`).digest("hex").slice(0, length).toUpperCase();
}
