import { EMAIL_DOMAIN, EMAIL_LOCAL_CHAR, URL_CANDIDATE } from "./patterns.js";
import { MAX_CANDIDATES_PER_RECOGNIZER, type PiiCandidate } from "./pii-candidate.js";

const MAX_LOCAL_PART = 64;

/** E-mail addresses, found from each `@` outwards so that the scan stays linear. */
export function recognizeEmails(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  let at = text.indexOf("@");
  while (at >= 0 && found.length < MAX_CANDIDATES_PER_RECOGNIZER) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL_PART && EMAIL_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    while (start < at && !/[A-Za-z0-9]/.test(text.charAt(start))) start++;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (start < at && domain) {
      const host = domain[0];
      const lastDot = host.lastIndexOf(".");
      const topLevel = host.slice(lastDot + 1);
      if (lastDot > 0 && /^[A-Za-z]{2,24}$/.test(topLevel) && !host.includes("..")) {
        found.push({ type: "EMAIL", rule: "email", start, end: at + 1 + host.length, score: 0.95 });
      }
    }
    at = text.indexOf("@", at + 1);
  }
  return found;
}

const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** Web addresses with a scheme or `www.`; trailing sentence punctuation is not part of the URL. */
export function recognizeUrls(text: string): PiiCandidate[] {
  const found: PiiCandidate[] = [];
  URL_CANDIDATE.lastIndex = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const value = match[0].replace(TRAILING_PUNCTUATION, "");
    if (value.length < 8) continue;
    found.push({ type: "URL", rule: "url", start: match.index, end: match.index + value.length, score: 0.6 });
    if (found.length >= MAX_CANDIDATES_PER_RECOGNIZER) break;
  }
  return found;
}
