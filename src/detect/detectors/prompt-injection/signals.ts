import {
  MANY_SHOT_MIN_TURNS,
  type PromptInjectionRule,
  structuralPatterns,
  TURN_MARKER,
} from "./patterns.js";

/** One structural hit in a text: which pattern, which rule, where (UTF-16 offsets). */
export interface SignalHit {
  readonly name: string;
  readonly rule: PromptInjectionRule;
  readonly start: number;
  readonly end: number;
}

/** At most this many hits per pattern and text; enough to place them in windows, bounded work. */
const MAX_HITS_PER_PATTERN = 16;

const globalPatterns = structuralPatterns.map((entry) => ({
  ...entry,
  pattern: new RegExp(entry.pattern.source, `${entry.pattern.flags}g`),
}));

/** Finds the structural signals in `text`, in catalogue order, then position order. */
export function findSignals(text: string): SignalHit[] {
  const hits: SignalHit[] = [];
  for (const { name, rule, pattern } of globalPatterns) {
    pattern.lastIndex = 0;
    let count = 0;
    let match = pattern.exec(text);
    while (match !== null && count < MAX_HITS_PER_PATTERN) {
      hits.push({ name, rule, start: match.index, end: match.index + match[0].length });
      count += 1;
      if (match[0].length === 0) pattern.lastIndex += 1;
      match = pattern.exec(text);
    }
  }
  const manyShot = findManyShot(text);
  if (manyShot) hits.push(manyShot);
  return hits;
}

/** Many-shot: dozens of faux conversation turns inside one message. */
export function findManyShot(text: string): SignalHit | undefined {
  TURN_MARKER.lastIndex = 0;
  let count = 0;
  let first = -1;
  let last = -1;
  let match = TURN_MARKER.exec(text);
  while (match !== null) {
    count += 1;
    if (first < 0) first = match.index;
    last = match.index + match[0].length;
    match = TURN_MARKER.exec(text);
  }
  if (count < MANY_SHOT_MIN_TURNS) return undefined;
  return { name: "many-shot", rule: "many-shot", start: first, end: last };
}
