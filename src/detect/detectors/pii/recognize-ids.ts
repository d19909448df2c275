import { isIPv4, isIPv6 } from "node:net";
import { ssnValid } from "./checksums.js";
import {
  hasContext,
  hasContextBefore,
  NEGATIVE_CONTEXT,
  PASSPORT_CONTEXT,
  SSN_CONTEXT,
} from "./context-words.js";
import {
  IPV4_CANDIDATE,
  IPV6_CANDIDATE,
  PASSPORT_VALUE,
  SSN_FORMATTED,
  SSN_UNFORMATTED,
  VERSION_PREFIX,
} from "./patterns.js";
import { clampScore, MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

/** US social security numbers: formatted ones on their own, nine bare digits only with context. */
export function recognizeSsns(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  const push = (start: number, end: number, score: number, rule: string) => {
    if (found.length < MAX_CANDIDATES_PER_RECOGNIZER) found.push({ type: "US_SSN", rule, start, end, score });
  };
  for (const match of text.matchAll(SSN_FORMATTED)) {
    if (!ssnValid(match[0].replace(/\D/g, ""))) continue;
    const start = match.index;
    const end = start + match[0].length;
    let score = match[1] === "-" ? 0.7 : 0.5;
    if (hasContext(text, start, end, SSN_CONTEXT)) score += 0.3;
    if (hasContext(text, start, end, NEGATIVE_CONTEXT, 32, 8)) score -= 0.4;
    push(start, end, clampScore(score), "us-ssn");
  }
  for (const match of text.matchAll(SSN_UNFORMATTED)) {
    const start = match.index;
    const end = start + 9;
    if (!ssnValid(match[0]) || !hasContext(text, start, end, SSN_CONTEXT)) continue;
    push(start, end, hasContext(text, start, end, NEGATIVE_CONTEXT, 32, 8) ? 0.3 : 0.8, "us-ssn.unformatted");
  }
  return found;
}

/** IPv4 with octet validation (no version strings) and IPv6 in full and compressed forms. */
export function recognizeIpAddresses(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  for (const match of text.matchAll(IPV4_CANDIDATE)) {
    const value = match[0];
    if (!isIPv4(value)) continue;
    const start = match.index;
    const before = text.slice(Math.max(0, start - 16), start);
    if (VERSION_PREFIX.test(before)) continue;
    let score = 0.85;
    if (hasContext(text, start, start + value.length, ["version", "release", "build"], 24, 0)) score -= 0.5;
    found.push({
      type: "IP_ADDRESS",
      rule: "ipv4",
      start,
      end: start + value.length,
      score: clampScore(score),
    });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) return found;
  }
  for (const [start, candidate] of ipv6Candidates(text)) {
    const value = candidate.replace(/\.$/, "");
    if (!isIPv6(value)) continue;
    const groups = value.split(":").filter((group) => group.length > 0);
    if (groups.length < 3 || !/\d/.test(value)) continue;
    found.push({
      type: "IP_ADDRESS",
      rule: "ipv6",
      start,
      end: start + value.length,
      score: 0.85,
    });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return found;
}

/** IPV6_CANDIDATE as a sticky pattern, tried only at the start of each hex-and-colon run. */
const IPV6_AT = new RegExp(IPV6_CANDIDATE.source, "y");
const IPV6_CHARACTER = /[0-9A-Fa-f:.]/;

/**
 * IPv6 candidates found from each colon: the run of hex digits, colons and dots around it is
 * matched with IPV6_CANDIDATE from its start. Colons are rare in prose, so this is much cheaper
 * than trying the pattern at every position; each run is visited once.
 */
function ipv6Candidates(text: string): [number, string][] {
  const candidates: [number, string][] = [];
  let colon = text.indexOf(":");
  while (colon >= 0 && candidates.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    let start = colon;
    while (start > 0 && colon - start < 45 && IPV6_CHARACTER.test(text.charAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && end - start < 46 && IPV6_CHARACTER.test(text.charAt(end))) end++;
    IPV6_AT.lastIndex = start;
    const match = IPV6_AT.exec(text);
    if (match) candidates.push([start, match[0]]);
    colon = text.indexOf(":", Math.max(end, colon + 1));
  }
  return candidates;
}

const PASSPORT_WINDOW = 48;

/** Passport numbers: a value in the common formats within a short distance after a passport word. */
export function recognizePassports(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  const lower = text.toLowerCase();
  if (!PASSPORT_CONTEXT.some((word) => lower.includes(word))) return found;
  for (const match of text.matchAll(PASSPORT_VALUE)) {
    const start = match.index;
    const value = match[0];
    if (!/\d{4}/.test(value)) continue;
    if (!hasContextBefore(text, start, PASSPORT_CONTEXT, PASSPORT_WINDOW)) continue;
    found.push({ type: "PASSPORT", rule: "passport", start, end: start + value.length, score: 0.9 });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return found;
}
