import { BIRTH_CONTEXT, DATE_VALUE } from "./patterns.js";
import { MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

/** How far after a birth word a date may start, and how far before it a date may end. */
const AFTER_WINDOW = 40;
const BEFORE_WINDOW = 24;

/** True when the numbers in a date are plausible (day 1-31, month 1-12, year 1900-2099 or two digits). */
export function plausibleDate(value: string): boolean {
  const numbers = (value.match(/\d+/g) ?? []).map((number) => ({ text: number, value: Number(number) }));
  for (const number of numbers) {
    if (number.text.length === 4 && (number.value < 1900 || number.value > 2099)) return false;
  }
  if (numbers.length !== 3) return true;
  const [first, second, third] = numbers;
  if (!first || !second || !third) return false;
  const inRange = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  if (first.text.length === 4) return inRange(third.value, second.value);
  return inRange(first.value, second.value) || inRange(second.value, first.value);
}

/** Date matches inside the windows around birth words only (windows merged, scanned once each). */
function datesNear(
  text: string,
  contexts: readonly (readonly [number, number])[],
): { index: number; 0: string }[] {
  const matches: { index: number; 0: string }[] = [];
  let windowStart = -1;
  let windowEnd = -1;
  const flush = () => {
    if (windowStart < 0) return;
    for (const match of text.slice(windowStart, windowEnd).matchAll(DATE_VALUE)) {
      matches.push({ index: windowStart + match.index, 0: match[0] });
    }
  };
  for (const [contextStart, contextEnd] of contexts) {
    const start = Math.max(0, contextStart - DATE_WINDOW_BEFORE);
    const end = Math.min(text.length, contextEnd + DATE_WINDOW_AFTER);
    if (start <= windowEnd) windowEnd = Math.max(windowEnd, end);
    else {
      flush();
      windowStart = start;
      windowEnd = end;
    }
  }
  flush();
  return matches;
}

/** Dates near a birth word (born, DOB, né, geboren, nacido, fecha de nacimiento...). */
/** Cheap substring test before the birth-word pattern runs (most texts have none of these). */
const BIRTH_HINTS = [
  "born",
  "birth",
  "dob",
  "d.o.b",
  "né",
  "naissance",
  "geboren",
  "geburt",
  "nacid",
  "nacimiento",
  "cumplea",
];
const DATE_WINDOW_BEFORE = 64;
const DATE_WINDOW_AFTER = 80;

export function recognizeDatesOfBirth(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  const lower = text.toLowerCase();
  if (!BIRTH_HINTS.some((hint) => lower.includes(hint))) return found;
  const contexts: (readonly [number, number])[] = [];
  for (const match of text.matchAll(BIRTH_CONTEXT)) {
    contexts.push([match.index, match.index + match[0].length]);
    if (contexts.length > MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  if (contexts.length === 0) return found;
  let cursor = 0;
  for (const match of datesNear(text, contexts)) {
    const start = match.index;
    const end = start + match[0].length;
    while (cursor < contexts.length && (contexts[cursor]?.[1] ?? 0) + AFTER_WINDOW < start) cursor++;
    const near = contexts
      .slice(cursor, cursor + 2)
      .some(
        ([contextStart, contextEnd]) =>
          (start >= contextEnd && start - contextEnd <= AFTER_WINDOW) ||
          (end <= contextStart && contextStart - end <= BEFORE_WINDOW),
      );
    if (!near || !plausibleDate(match[0])) continue;
    found.push({ type: "DATE_OF_BIRTH", rule: "date-of-birth", start, end, score: 0.85 });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return found;
}
