/**
 * Leetspeak substitutions folded back to letters, applied only inside words that also contain a
 * letter (so "2024" and "$100" stay as they are): 0->o, 1->i (or l next to an l), 3->e, 4->a,
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

/** "1" reads as "l" when a neighbour is an l or another 1 ("he11o", "ki11", "a11"). */
export function foldOne(previous: string | undefined, next: string | undefined): string {
  const isL = (value: string | undefined) => value === "l" || value === "L" || value === "1";
  return isL(previous) || isL(next) ? "l" : "i";
}
