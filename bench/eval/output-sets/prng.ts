/** Mulberry32: a small deterministic PRNG so that the synthetic sets are the same on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Picker {
  pick<T>(items: readonly T[]): T;
  integer(min: number, max: number): number;
  token(length: number, alphabet?: string): string;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function createPicker(seed: number): Picker {
  const random = createRandom(seed);
  return {
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(random() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    integer(min: number, max: number): number {
      return min + Math.floor(random() * (max - min + 1));
    },
    token(length: number, alphabet = ALPHANUMERIC): string {
      let out = "";
      for (let index = 0; index < length; index++) out += alphabet[Math.floor(random() * alphabet.length)];
      return out;
    },
  };
}
