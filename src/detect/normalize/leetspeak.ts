/**
 * Leetspeak substitutions folded back to letters, applied only inside words that also contain a
 * letter (so "2024" and "$100" stay as they are): 0->o, 1->i (or l, see foldOne), 3->e, 4->a,
 * 5->s, 7->t, @->a, $->s.
 */
export const LEETSPEAK: ReadonlyMap<string, string> = new Map([
  ["0", "o"],
  ["1", "i"],
  ["3", "e"],
  ["4", "a"],
  ["5", "s"],
  ["7", "t"],
  ["@", "a"],
  ["$", "s"],
]);

/** Letters after which a "1" reads as "l": "ru1es", "fi1e", "1eak", "a1ert" (and l or 1 itself). */
const L_BEFORE = new Set(["e", "E", "3", "l", "L", "1"]);

/** "1" reads as "l" next to an l or 1 ("he11o", "ki11") or before an e ("ru1es"), else as "i" ("1gnore"). */
export function foldOne(previous: string | undefined, next: string | undefined): string {
  const isL = (value: string | undefined) => value === "l" || value === "L" || value === "1";
  return isL(previous) || (next !== undefined && L_BEFORE.has(next)) ? "l" : "i";
}
