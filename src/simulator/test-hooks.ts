/**
 * Test hooks: model names that make the simulator behave in a way tests need, whatever the
 * profile. Every hook is a model name starting with `rampart-demo-`, so a real model name never
 * triggers one.
 *
 * | model                        | answer                                                              |
 * |------------------------------|---------------------------------------------------------------------|
 * | `rampart-demo-echo`          | the last user message (or the prompt), verbatim: output-scanning tests |
 * | `rampart-demo-error-<status>`| an OpenAI-shaped error with that HTTP status (400-599): upstream error tests |
 * | `rampart-demo-long-<tokens>` | a reply of exactly that many tokens (at most 100000): stream window and limit tests |
 */

export const ECHO_MODEL = "rampart-demo-echo";

/** `rampart-demo-error-503` -> answer with HTTP 503. */
const ERROR_MODEL = /^rampart-demo-error-([45]\d\d)$/;
/** `rampart-demo-long-5000` -> a reply of 5000 tokens. */
const LONG_MODEL = /^rampart-demo-long-(\d{1,6})$/;
/** The longest reply a long hook produces, to keep one request bounded. */
export const MAX_LONG_TOKENS = 100_000;

/**
 * The words a long reply cycles through; each is one token. 64 of them, so that the reply never
 * repeats a short phrase back to back (which the gateway's repetition detector would block as
 * degenerate output, as it should).
 */
// biome-ignore format: a word list reads best packed
const LONG_WORDS = [
  "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
  "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray",
  "yankee", "zulu", "amber", "birch", "cedar", "dune", "ember", "fjord", "grove", "harbor", "island", "jasper",
  "kelp", "lagoon", "meadow", "nectar", "orchard", "pebble", "quartz", "river", "spruce", "thistle", "umber", "valley",
  "willow", "yarrow", "zephyr", "acorn", "breeze", "canyon", "dawn", "estuary", "fern", "glacier", "heath", "iris",
  "juniper", "kestrel", "lichen", "moss",
];

export type HookOutcome =
  | { readonly kind: "none" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "error"; readonly status: number };

function longText(tokens: number): string {
  const words: string[] = [];
  for (let index = 0; index < tokens; index += 1) words.push(LONG_WORDS[index % LONG_WORDS.length] ?? "");
  return words.join(" ");
}

/** What a hook model asks for; `none` for every other model name. */
export function hookFor(model: string, lastUserText: string): HookOutcome {
  if (!model.startsWith("rampart-demo-")) return { kind: "none" };
  if (model === ECHO_MODEL) return { kind: "text", text: lastUserText };
  const error = ERROR_MODEL.exec(model);
  if (error) return { kind: "error", status: Number(error[1]) };
  const long = LONG_MODEL.exec(model);
  if (long) return { kind: "text", text: longText(Math.min(Number(long[1]), MAX_LONG_TOKENS)) };
  return { kind: "none" };
}
