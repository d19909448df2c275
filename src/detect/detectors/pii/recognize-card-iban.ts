import { cardIssuer, IBAN_LENGTHS, ibanValid, luhnValid } from "./checksums.js";
import { CARD_CONTEXT, hasContext, IBAN_CONTEXT, NEGATIVE_CONTEXT } from "./context-words.js";
import { CARD_CANDIDATE, IBAN_CANDIDATE } from "./patterns.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

/** Payment cards: issuer prefix and length, Luhn, consistent grouping; context words adjust the score. */
export function recognizeCards(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  for (const match of text.matchAll(CARD_CANDIDATE)) {
    const value = match[0];
    const separators = new Set(value.replace(/\d/g, ""));
    if (separators.size > 1) continue;
    const digits = value.replace(/\D/g, "");
    if (!luhnValid(digits) || cardIssuer(digits) === undefined) continue;
    if (/^(\d)\1+$/.test(digits)) continue;
    const start = match.index;
    const end = start + value.length;
    let score = 0.85;
    if (hasContext(text, start, end, CARD_CONTEXT)) score += 0.15;
    if (hasContext(text, start, end, NEGATIVE_CONTEXT, 32, 8)) score -= 0.45;
    found.push({ type: "CREDIT_CARD", rule: "credit-card", start, end, score: clampScore(score) });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return found;
}

/**
 * IBANs: the candidate is cut to its country's length (counting alphanumerics, spaces allowed
 * between them), then checked with mod-97.
 */
export function recognizeIbans(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    const value = match[0];
    const expected = IBAN_LENGTHS[value.slice(0, 2)];
    if (expected === undefined) continue;
    let count = 0;
    let cut = 0;
    while (cut < value.length && count < expected) {
      if (value.charAt(cut) !== " ") count++;
      cut++;
    }
    if (count < expected) continue;
    const compact = value.slice(0, cut).replace(/ /g, "");
    if (!ibanValid(compact)) continue;
    const start = match.index;
    const end = start + cut;
    let score = 0.9;
    if (hasContext(text, start, end, IBAN_CONTEXT)) score += 0.1;
    found.push({ type: "IBAN", rule: "iban", start, end, score: clampScore(score) });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return found;
}
