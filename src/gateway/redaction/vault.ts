/**
 * The placeholder vault: within one conversation, the same value always gets the same placeholder
 * (`[EMAIL_1]`), and a placeholder is restored only in the conversation that made it. A conversation
 * is opened once per request (`open(scope)`), which loads what earlier requests stored, so restoring
 * is synchronous and cheap, also inside a stream.
 */
export interface ConversationVault {
  /** the placeholder for a value of a type, made on first use */
  placeholderFor(type: string, value: string): Promise<string>;
  /** the value a placeholder stands for, or undefined when this conversation did not make it */
  valueOf(placeholder: string): string | undefined;
  /** every placeholder known to this conversation */
  placeholders(): ReadonlyMap<string, string>;
}

export interface PlaceholderVault {
  open(scope: string): Promise<ConversationVault>;
  close(): Promise<void>;
}

/** `EMAIL` + 3 -> `[EMAIL_3]`; types are upper-case words. */
export function formatPlaceholder(type: string, index: number): string {
  return `[${normalizeType(type)}_${index}]`;
}

export function normalizeType(type: string): string {
  const cleaned = type
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return cleaned === "" ? "VALUE" : cleaned.slice(0, 40);
}
