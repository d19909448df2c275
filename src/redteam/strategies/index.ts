import { RampartError } from "../../core/errors.js";
import {
  homoglyphStrategy,
  leetspeakStrategy,
  unicodeTagStrategy,
  zeroWidthStrategy,
} from "./character-strategies.js";
import {
  bestOfNStrategy,
  crescendoStrategy,
  languageSwitchStrategy,
  payloadSplittingStrategy,
  rolePlayStrategy,
} from "./composite-strategies.js";
import { base64Strategy, hexStrategy, rot13Strategy } from "./encoding-strategies.js";
import { type Strategy, single } from "./strategy.js";

export * from "./seeded-random.js";
export type * from "./strategy.js";

/** The prompt as written. */
export const noStrategy: Strategy = {
  id: "none",
  description: "the probe's prompt unchanged",
  atlas: [],
  apply: (prompt) => single(prompt),
};

/** Every strategy by id. Add one: write it, list it here. */
// biome-ignore format: one strategy per line
const STRATEGIES: readonly Strategy[] = [
  noStrategy,
  base64Strategy,
  hexStrategy,
  rot13Strategy,
  leetspeakStrategy,
  homoglyphStrategy,
  zeroWidthStrategy,
  unicodeTagStrategy,
  payloadSplittingStrategy,
  languageSwitchStrategy,
  rolePlayStrategy,
  crescendoStrategy,
  bestOfNStrategy,
];

export const strategies: ReadonlyMap<string, Strategy> = new Map(
  STRATEGIES.map((strategy) => [strategy.id, strategy]),
);

/** The strategies of a run when none are named: the prompt as written plus three disguises. */
export const DEFAULT_STRATEGIES = ["none", "base64", "role-play", "crescendo"] as const;

/** Resolves `--strategies` ("all" for every one); an unknown id is a usage error. */
export function resolveStrategies(ids: readonly string[]): Strategy[] {
  const wanted =
    ids.length === 0 ? [...DEFAULT_STRATEGIES] : ids.includes("all") ? [...strategies.keys()] : ids;
  return wanted.map((id) => {
    const strategy = strategies.get(id);
    if (!strategy) {
      throw new RampartError(
        "usage",
        `unknown strategy "${id}" (known: ${[...strategies.keys()].join(", ")})`,
      );
    }
    return strategy;
  });
}
