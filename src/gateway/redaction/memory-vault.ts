import { type ConversationVault, formatPlaceholder, normalizeType, type PlaceholderVault } from "./vault.js";

interface Conversation {
  byValue: Map<string, string>;
  byPlaceholder: Map<string, string>;
  counters: Map<string, number>;
  expiresAt: number;
}

export interface MemoryVaultOptions {
  /** how long a conversation's placeholders live after its last use */
  ttlMs?: number;
  /** at most this many conversations; the least recently used go first */
  maxConversations?: number;
  now?: () => number;
}

/** The in-memory vault (one process). With several gateway nodes, configure Redis instead. */
export class MemoryVault implements PlaceholderVault {
  private readonly conversations = new Map<string, Conversation>();
  private readonly ttlMs: number;
  private readonly maxConversations: number;
  private readonly now: () => number;

  constructor(options: MemoryVaultOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxConversations = options.maxConversations ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  private conversation(scope: string): Conversation {
    const now = this.now();
    let found = this.conversations.get(scope);
    if (found !== undefined && found.expiresAt <= now) {
      this.conversations.delete(scope);
      found = undefined;
    }
    if (found === undefined) {
      found = { byValue: new Map(), byPlaceholder: new Map(), counters: new Map(), expiresAt: 0 };
      if (this.conversations.size >= this.maxConversations) {
        const oldest = this.conversations.keys().next();
        if (!oldest.done) this.conversations.delete(oldest.value);
      }
    } else {
      this.conversations.delete(scope); // re-insert: Map order is the recency order
    }
    found.expiresAt = now + this.ttlMs;
    this.conversations.set(scope, found);
    return found;
  }

  async open(scope: string): Promise<ConversationVault> {
    const conversation = this.conversation(scope);
    return {
      placeholderFor: async (type, value) => {
        const key = `${normalizeType(type)}\u0000${value}`;
        const existing = conversation.byValue.get(key);
        if (existing !== undefined) return existing;
        const normalized = normalizeType(type);
        const index = (conversation.counters.get(normalized) ?? 0) + 1;
        conversation.counters.set(normalized, index);
        const placeholder = formatPlaceholder(normalized, index);
        conversation.byValue.set(key, placeholder);
        conversation.byPlaceholder.set(placeholder, value);
        return placeholder;
      },
      valueOf: (placeholder) => conversation.byPlaceholder.get(placeholder),
      placeholders: () => conversation.byPlaceholder,
    };
  }

  async close(): Promise<void> {
    this.conversations.clear();
  }
}
