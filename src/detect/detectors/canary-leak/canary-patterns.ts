/** Characters allowed between the letters of a spaced-out canary ("a b c", "a-b-c", "a.b.c"). */
export const SPACER_CLASS = "[\\s\\-_.·*|,/\\\\]{0,3}";

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Letters and digits of a canary: the skeleton that a spaced-out copy keeps. */
export function canarySkeleton(canary: string): string {
  return canary.replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * A case-insensitive pattern for the canary's letters with up to three separators between each.
 * Linear: the separator class is disjoint from letters and digits, so there is one way to match.
 */
export function spacedPattern(canary: string): RegExp | undefined {
  const skeleton = Array.from(canarySkeleton(canary));
  if (skeleton.length < 4) return undefined;
  return new RegExp(skeleton.map(escapeRegExp).join(SPACER_CLASS), "giu");
}

/**
 * The parts of base64 encodings of the canary that do not depend on the surrounding bytes, for the
 * three byte alignments. A longer base64 payload that contains the canary contains one of them.
 */
export function base64Cores(canary: string): string[] {
  const bytes = Buffer.from(canary, "utf8");
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset, 0), bytes]);
    const encoded = padded.toString("base64");
    // characters touched by the leading padding bytes or the trailing partial group are unstable
    const skipStart = offset === 0 ? 0 : Math.ceil((offset * 8) / 6);
    const stableEnd = Math.floor((padded.length * 8) / 6);
    const core = encoded.slice(skipStart, stableEnd);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}
