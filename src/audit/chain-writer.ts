import { RampartError } from "../core/index.js";
import type {
  AuditRepository,
  StoredAuditEvent,
  StoredCheckpoint,
  StoredContent,
} from "../store/repositories/audit-event-repository.js";
import { type Checkpoint, signCheckpoint } from "./checkpoint.js";
import { type ContentMode, type EventContent, protectContent } from "./content-protection.js";
import { envelopeText, hashEnvelopeText } from "./event-hash.js";
import {
  AUDIT_SCHEMA_VERSION,
  type AuditActor,
  type AuditEnvelope,
  type AuditEventType,
  type AuditPayloadInput,
  auditPayloadSchemas,
  GENESIS_HASH,
  NODE_ID,
} from "./event-schema.js";
import type { SigningKey } from "./signing-key.js";

export type Durability = "sync" | "batched";

export interface AppendInput<Type extends AuditEventType = AuditEventType> {
  type: Type;
  actor: AuditActor | null;
  payload: AuditPayloadInput<Type>;
  /** prompt and response text; kept outside the chain as `audit.content` says */
  content?: EventContent | undefined;
}

export interface CommittedEvent {
  node: string;
  seq: number;
  hash: string;
}

/** Defaults of the writer; docs/audit.md lists them. */
export const writerDefaults = {
  /** batched mode: the longest an event waits for its commit to start */
  batchIntervalMs: 50,
  /** the most events in one transaction */
  maxBatchEvents: 1000,
  /** a checkpoint after this many events... */
  checkpointEveryEvents: 1000,
  /** ...or after this long with new events, whichever comes first */
  checkpointEveryMs: 60_000,
  /** backoff of a failed commit: first wait, doubled up to the maximum */
  retryInitialMs: 50,
  retryMaxMs: 5_000,
} as const;

export interface ChainWriterOptions {
  repository: AuditRepository;
  node: string;
  signingKey: SigningKey;
  durability: Durability;
  contentMode: ContentMode;
  /** the AES-256-GCM key for encrypted content */
  contentKey?: Buffer | undefined;
  batchIntervalMs?: number | undefined;
  maxBatchEvents?: number | undefined;
  checkpointEveryEvents?: number | undefined;
  checkpointEveryMs?: number | undefined;
  now?: (() => Date) | undefined;
  /** a commit failed; the writer keeps the events and retries */
  onCommitError?: ((error: unknown, attempt: number) => void) | undefined;
  /** events up to this seq are committed (sinks wake up on it) */
  onCommitted?: ((seq: number) => void) | undefined;
}

interface Pending {
  row: StoredAuditEvent;
  content: StoredContent | undefined;
  resolve: (event: CommittedEvent) => void;
  reject: (error: unknown) => void;
}

/**
 * The single sequencer of one node's chain. `append` assigns the seq and computes the hash at once
 * (in memory, in call order) and returns a promise that resolves when the event is committed:
 * `sync` starts a commit at the end of the current turn of the event loop, so the events appended
 * in one turn (several answers read at once under load) share it, and events that arrive while it
 * runs share the next one; `batched` commits at least every batchIntervalMs. A failed commit is
 * retried with backoff, never dropped.
 */
export class ChainWriter {
  private readonly options: ChainWriterOptions;
  private readonly settings: Record<keyof typeof writerDefaults, number>;
  private readonly now: () => Date;
  private seq: number;
  private headHash: string;
  private lastCheckpoint: { seq: number; atMs: number };
  private queue: Pending[] = [];
  private checkpointQueue: StoredCheckpoint[] = [];
  private committing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** sync mode: the commit queued for the end of this turn of the event loop */
  private immediate: NodeJS.Immediate | undefined;
  private readonly ticker: NodeJS.Timeout;
  private closing = false;
  private committedSeq: number;

  private constructor(
    options: ChainWriterOptions,
    head: { seq: number; hash: string } | undefined,
    checkpoint: StoredCheckpoint | undefined,
  ) {
    this.options = options;
    this.settings = {
      ...writerDefaults,
      ...(options.batchIntervalMs === undefined ? {} : { batchIntervalMs: options.batchIntervalMs }),
      ...(options.maxBatchEvents === undefined ? {} : { maxBatchEvents: options.maxBatchEvents }),
      ...(options.checkpointEveryEvents === undefined
        ? {}
        : { checkpointEveryEvents: options.checkpointEveryEvents }),
      ...(options.checkpointEveryMs === undefined ? {} : { checkpointEveryMs: options.checkpointEveryMs }),
    };
    this.now = options.now ?? (() => new Date());
    this.seq = head?.seq ?? checkpoint?.seq ?? 0;
    this.headHash = head?.hash ?? checkpoint?.headHash ?? GENESIS_HASH;
    this.committedSeq = this.seq;
    this.lastCheckpoint = { seq: checkpoint?.seq ?? 0, atMs: Date.now() };
    this.ticker = setInterval(() => this.timedCheckpoint(), Math.min(this.settings.checkpointEveryMs, 1000));
    this.ticker.unref();
  }

  /** Opens the writer of a node where its chain ends in the store. */
  static async open(options: ChainWriterOptions): Promise<ChainWriter> {
    if (!NODE_ID.test(options.node)) {
      throw new RampartError(
        "config_invalid",
        `audit node id "${options.node}" must match ${NODE_ID.source}`,
      );
    }
    const head = await options.repository.head(options.node);
    const checkpoint = await options.repository.lastCheckpoint(options.node);
    return new ChainWriter(options, head, checkpoint);
  }

  get node(): string {
    return this.options.node;
  }

  /** events appended and not yet committed */
  get queueDepth(): number {
    return this.queue.length;
  }

  /** the seq of the last committed event */
  get committedThrough(): number {
    return this.committedSeq;
  }

  append<Type extends AuditEventType>(input: AppendInput<Type>): Promise<CommittedEvent> {
    if (this.closing) return Promise.reject(new RampartError("internal", "the audit trail is closed"));
    const parsed = auditPayloadSchemas[input.type].safeParse(input.payload);
    if (!parsed.success) {
      return Promise.reject(
        new RampartError(
          "invalid_request",
          `audit ${input.type} payload: ${parsed.error.issues[0]?.message ?? "invalid"}`,
        ),
      );
    }
    const protectedContent = protectContent(input.content, this.options.contentMode, this.options.contentKey);
    const seq = this.seq + 1;
    const envelope: AuditEnvelope = {
      schemaVersion: AUDIT_SCHEMA_VERSION,
      node: this.options.node,
      seq,
      at: this.now().toISOString(),
      type: input.type,
      actor: input.actor,
      payload: parsed.data as Record<string, unknown>,
      content: protectedContent?.reference ?? null,
      prevHash: this.headHash,
    };
    const text = envelopeText(envelope);
    const hash = hashEnvelopeText(text);
    this.seq = seq;
    this.headHash = hash;
    const row: StoredAuditEvent = {
      node: envelope.node,
      seq,
      at: envelope.at,
      type: envelope.type,
      envelope: text,
      hash,
    };
    const content =
      protectedContent === undefined
        ? undefined
        : {
            node: envelope.node,
            seq,
            mode: protectedContent.reference.mode,
            salt: protectedContent.salt,
            body: protectedContent.body,
          };
    const promise = new Promise<CommittedEvent>((resolve, reject) => {
      this.queue.push({ row, content, resolve, reject });
    });
    if (seq - this.lastCheckpoint.seq >= this.settings.checkpointEveryEvents) this.queueCheckpoint();
    this.schedule();
    return promise;
  }

  /** Signs a checkpoint of the current head now (when there are new events) and commits it. */
  async checkpointNow(): Promise<Checkpoint | undefined> {
    if (this.seq > this.lastCheckpoint.seq) this.queueCheckpoint();
    await this.flush();
    const last = await this.options.repository.lastCheckpoint(this.options.node);
    return last;
  }

  /** Commits everything appended so far. */
  async flush(): Promise<void> {
    this.kick();
    while (this.committing !== undefined) await this.committing;
  }

  /** Checkpoints the head, commits everything, stops the timers. Appends after this are refused. */
  async close(): Promise<void> {
    if (this.seq > this.lastCheckpoint.seq) this.queueCheckpoint();
    this.closing = true;
    clearInterval(this.ticker);
    await this.flush();
  }

  private queueCheckpoint(): void {
    const checkpoint = signCheckpoint(
      {
        node: this.options.node,
        seq: this.seq,
        headHash: this.headHash,
        at: this.now().toISOString(),
        previousSeq: this.lastCheckpoint.seq,
      },
      this.options.signingKey,
    );
    this.checkpointQueue.push(checkpoint);
    this.lastCheckpoint = { seq: this.seq, atMs: Date.now() };
  }

  private timedCheckpoint(): void {
    if (this.seq === this.lastCheckpoint.seq) return;
    if (Date.now() - this.lastCheckpoint.atMs < this.settings.checkpointEveryMs) return;
    this.queueCheckpoint();
    this.schedule();
  }

  private schedule(): void {
    if (this.queue.length >= this.settings.maxBatchEvents) {
      this.kick();
      return;
    }
    if (this.options.durability === "sync") {
      // a SQLite commit runs synchronously: deferred to the end of this turn, it takes every event
      // appended in the turn (otherwise each would get a transaction of its own)
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        this.kick();
      });
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, this.settings.batchIntervalMs);
  }

  private kick(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.immediate !== undefined) {
      clearImmediate(this.immediate);
      this.immediate = undefined;
    }
    if (this.committing !== undefined) return;
    if (this.queue.length === 0 && this.checkpointQueue.length === 0) return;
    this.committing = this.drain().finally(() => {
      this.committing = undefined;
      // appends that saw the drain finishing (but not yet finished) left their events for us
      if (this.queue.length > 0 || this.checkpointQueue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    let attempt = 0;
    while (this.queue.length > 0 || this.checkpointQueue.length > 0) {
      const events = this.queue.slice(0, this.settings.maxBatchEvents);
      const lastSeq = events.at(-1)?.row.seq ?? Number.POSITIVE_INFINITY;
      const checkpoints = this.checkpointQueue.filter((checkpoint) => checkpoint.seq <= lastSeq);
      try {
        await this.options.repository.append({
          events: events.map((pending) => pending.row),
          contents: events.flatMap((pending) => (pending.content === undefined ? [] : [pending.content])),
          checkpoints,
        });
      } catch (error) {
        attempt += 1;
        this.options.onCommitError?.(error, attempt);
        if (this.closing && attempt >= 3) return this.abandon(error);
        await sleep(Math.min(this.settings.retryMaxMs, this.settings.retryInitialMs * 2 ** (attempt - 1)));
        continue;
      }
      attempt = 0;
      this.queue.splice(0, events.length);
      this.checkpointQueue.splice(0, checkpoints.length);
      if (events.length > 0) this.committedSeq = lastSeq;
      for (const pending of events)
        pending.resolve({ node: pending.row.node, seq: pending.row.seq, hash: pending.row.hash });
      if (events.length > 0) this.options.onCommitted?.(lastSeq);
    }
  }

  /** Closing with a store that keeps failing: the events cannot be committed; say so to every waiter. */
  private abandon(error: unknown): void {
    const failure = new RampartError(
      "storage_error",
      `audit events could not be committed: ${String(error)}`,
      { cause: error },
    );
    for (const pending of this.queue) pending.reject(failure);
    this.queue = [];
    this.checkpointQueue = [];
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
