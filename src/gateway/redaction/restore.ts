import type { ConversationVault } from "./vault.js";

/**
 * A placeholder as a model may write it back: `[EMAIL_1]`, and the small rewrites models make:
 * `[email_1]`, `[EMAIL 1]`, `[ EMAIL_1 ]`, `EMAIL_1`, `<EMAIL_1>`. Bounded quantifiers keep it linear.
 */
const PLACEHOLDER_LIKE =
  /(?:[[<(][ \t]{0,2})?\b([A-Za-z][A-Za-z0-9]{0,20}(?:_[A-Za-z0-9]{1,20}){0,3})[ _-]([0-9]{1,6})\b(?:[ \t]{0,2}[\]>)])?/g;

/**
 * Restores the placeholders of one conversation in model output. Only placeholders this conversation
 * made are restored; anything else that looks like one is left as it is.
 */
export function restorePlaceholders(text: string, vault: ConversationVault): string {
  if (vault.placeholders().size === 0) return text;
  return text.replace(PLACEHOLDER_LIKE, (match, type: string, index: string) => {
    const canonical = `[${type.toUpperCase()}_${Number(index)}]`;
    return vault.valueOf(canonical) ?? match;
  });
}
