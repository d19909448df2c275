/** A small seeded PRNG (mulberry32): the synthetic data is the same for the same seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

/** Slot fillers: `$NAME` in a template is replaced by a call to `slots.NAME`. */
export type Slots = Readonly<Record<string, (random: Random) => string>>;

const ALTERNATIVES = /\{([^{}]*)\}/;
const SLOT = /\$([A-Z][A-Z0-9_]*)/;

/**
 * Expands a template: `{a|b|c}` picks one alternative (innermost first, so they nest), and
 * `$NAME` is filled from `slots`. Fillers may return templates in turn.
 */
export function expand(template: string, random: Random, slots: Slots = {}): string {
  let text = template;
  for (let guard = 0; guard < 200; guard += 1) {
    const alternatives = ALTERNATIVES.exec(text);
    if (alternatives) {
      const choice = random.pick((alternatives[1] ?? "").split("|"));
      text =
        text.slice(0, alternatives.index) + choice + text.slice(alternatives.index + alternatives[0].length);
      continue;
    }
    const slot = SLOT.exec(text);
    if (slot) {
      const filler = slots[slot[1] ?? ""];
      const value = filler ? filler(random) : slot[0].toLowerCase();
      text = text.slice(0, slot.index) + value + text.slice(slot.index + slot[0].length);
      continue;
    }
    break;
  }
  return text
    .replace(/ {2,}/g, " ")
    .replace(/ ([,.;:!?])/g, "$1")
    .trim();
}

/** The templates of a split: every fourth template is held out for evaluation ("test"). */
export function templatesFor<T>(templates: readonly T[], split: "train" | "test"): T[] {
  const chosen = templates.filter((_, index) => (index % 4 === 3) === (split === "test"));
  return chosen.length > 0 ? chosen : [...templates];
}

export function capitalise(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
