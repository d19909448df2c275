import { errorMessage, RampartError } from "../core/index.js";
import type { Store } from "../store/index.js";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { createAuditOutboxRepository } from "../store/repositories/audit-outbox-repository.js";
import type { ManagementChange } from "./audit-trail.js";
import { signingKeyPathFor } from "./audit-trail.js";
import { type AppendInput, ChainWriter, type CommittedEvent } from "./chain-writer.js";
import { type AuditEventType, NODE_ID } from "./event-schema.js";
import { defaultNodeId } from "./node-id.js";
import { loadOrCreateSigningKey, loadSigningKey, type SigningKey } from "./signing-key.js";
import { createSinks } from "./sinks/create-sinks.js";
import type { AuditSink } from "./sinks/sink.js";
import { SinkDispatcher } from "./sinks/sink-dispatcher.js";

/** The suffix of a command-line node: `<host or RAMPART_NODE_ID>-cli`. */
const CLI_NODE_SUFFIX = "-cli";
/** Attempts to append when another process took the same seq first (two commands at once). */
const APPEND_ATTEMPTS = 10;
/** How long a command waits for its events to reach the configured sinks. */
const DEFAULT_SINK_WAIT_MS = 5000;

export interface CommandRecorderOptions {
  store: Store;
  /** the configuration file's folder (signing key of non-file databases, relative sink paths) */
  baseDir: string;
  /** `audit.sinks` of the configuration */
  sinks?: Parameters<typeof createSinks>[0] | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** default: `<RAMPART_NODE_ID or host>-cli` */
  node?: string | undefined;
  /** sinks to use instead of `sinks` (tests) */
  sinkInstances?: readonly AuditSink[] | undefined;
  sinkWaitMs?: number | undefined;
  /** create the signing key when the trail is still empty (default true); false: a missing key is an error */
  createKey?: boolean | undefined;
}

export interface CommandRecorder {
  readonly node: string;
  /** appends one management change and returns once it is committed and checkpointed */
  recordManagement(change: ManagementChange): Promise<CommittedEvent>;
  /** appends one event of any type (e.g. `audit.verification`), committed and checkpointed */
  record<Type extends AuditEventType>(input: AppendInput<Type>): Promise<CommittedEvent>;
  /**
   * Delivers this command's events to the configured sinks, waiting at most `sinkWaitMs`. Returns the
   * names of the sinks that were not reached; their outbox keeps the position, so the next command
   * on this node delivers the backlog.
   */
  close(): Promise<string[]>;
}

/** The node id of command-line writes: its own chain, never the server's. */
export function commandNodeId(env: NodeJS.ProcessEnv = process.env): string {
  const base = defaultNodeId(env).slice(0, 63 - CLI_NODE_SUFFIX.length);
  const node = `${base}${CLI_NODE_SUFFIX}`;
  return NODE_ID.test(node) ? node : `node${CLI_NODE_SUFFIX}`;
}

/**
 * Records the management changes of one CLI command in the audit trail. A command is a short-lived
 * writer: it writes to its own node (`<host>-cli`), so it never races the server's writer for a seq,
 * and each change is committed with a signed checkpoint before the command goes on. Two commands at
 * once on one host can take the same seq; the loser reopens at the new head and appends again.
 *
 * The signing key is the server's: RAMPART_AUDIT_SIGNING_KEY, RAMPART_AUDIT_SIGNING_KEY_FILE or the
 * default file. A command creates one only for a store whose trail is still empty (as the server's
 * first start would); otherwise a missing key is an error, because checkpoints signed with a new key
 * would not verify with the published one.
 */
export async function openCommandRecorder(options: CommandRecorderOptions): Promise<CommandRecorder> {
  const env = options.env ?? process.env;
  const repository = createAuditRepository(options.store.db);
  const node = options.node ?? commandNodeId(env);
  let signingKey: SigningKey | undefined;
  const recorded: CommittedEvent[] = [];

  async function key(): Promise<SigningKey> {
    if (signingKey !== undefined) return signingKey;
    const path = signingKeyPathFor(options.store, options.baseDir);
    const existing = loadSigningKey(path, env);
    if (existing !== undefined) {
      signingKey = existing;
      return existing;
    }
    if (options.createKey === false || (await repository.nodes()).length > 0) {
      throw new RampartError(
        "config_invalid",
        `no audit signing key was found (RAMPART_AUDIT_SIGNING_KEY, RAMPART_AUDIT_SIGNING_KEY_FILE or ${path}); the CLI records this in the audit trail and needs the server's key`,
      );
    }
    signingKey = loadOrCreateSigningKey(path, env);
    return signingKey;
  }

  async function appendOnce<Type extends AuditEventType>(
    input: AppendInput<Type>,
    signing: SigningKey,
  ): Promise<CommittedEvent> {
    const writer = await ChainWriter.open({
      repository,
      node,
      signingKey: signing,
      // batched with a long window: nothing commits until close, which commits the event and its
      // checkpoint in ONE transaction, so another command never sees the event without its checkpoint
      durability: "batched",
      batchIntervalMs: 60_000,
      contentMode: "none",
    });
    const committed = writer.append(input);
    committed.catch(() => undefined); // awaited below, after close
    // close signs a checkpoint of the new head; a commit that keeps failing is given up after a few tries
    await writer.close();
    return committed;
  }

  async function record<Type extends AuditEventType>(input: AppendInput<Type>): Promise<CommittedEvent> {
    const signing = await key();
    let lastError: unknown;
    for (let attempt = 1; attempt <= APPEND_ATTEMPTS; attempt += 1) {
      try {
        const event = await appendOnce(input, signing);
        recorded.push(event);
        return event;
      } catch (error) {
        // a payload the schema refuses fails the same way every time
        if (error instanceof RampartError && error.code === "invalid_request") throw error;
        lastError = error;
      }
    }
    throw new RampartError(
      "storage_error",
      `the change could not be recorded in the audit trail: ${errorMessage(lastError)}`,
      { cause: lastError },
    );
  }

  // the key first: a command that cannot record its change fails before it makes the change
  await key();
  return {
    node,
    record,
    recordManagement: (change) =>
      record({
        type: "management.change",
        actor: change.actor,
        payload: {
          action: change.action,
          target: change.target,
          ...(change.changes === undefined ? {} : { changes: change.changes }),
        },
      }),
    async close() {
      const first = recorded[0];
      const last = recorded.at(-1);
      const sinks = options.sinkInstances ?? createSinks(options.sinks ?? [], options.baseDir);
      if (first === undefined || last === undefined || sinks.length === 0) {
        for (const sink of sinks) await sink.close().catch(() => undefined);
        return [];
      }
      const dispatcher = new SinkDispatcher({
        sinks,
        node,
        events: repository,
        outbox: createAuditOutboxRepository(options.store.db),
        startSeq: first.seq - 1,
        retryInitialMs: 200,
        retryMaxMs: 1000,
      });
      dispatcher.start();
      const deadline = Date.now() + (options.sinkWaitMs ?? DEFAULT_SINK_WAIT_MS);
      const behind = () =>
        dispatcher
          .statuses()
          .filter((status) => status.deliveredSeq < last.seq)
          .map((status) => status.name);
      while (behind().length > 0 && Date.now() < deadline) await sleep(25);
      const missed = behind();
      await dispatcher.close();
      return missed;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
