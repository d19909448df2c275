import { isAbsolute } from "node:path";
import type { Logger } from "pino";
import type { AuditConfig } from "../config/index.js";
import type { DecisionContent, DecisionEvent, DecisionSink } from "../core/index.js";
import type { Store } from "../store/index.js";
import { type AuditRepository, createAuditRepository } from "../store/repositories/audit-event-repository.js";
import {
  type AuditOutboxRepository,
  createAuditOutboxRepository,
} from "../store/repositories/audit-outbox-repository.js";
import { type AppendInput, ChainWriter, type CommittedEvent } from "./chain-writer.js";
import type { Checkpoint } from "./checkpoint.js";
import { contentKeyFromEnvironment, type EventContent } from "./content-protection.js";
import type { AuditActor, AuditEventType } from "./event-schema.js";
import { defaultNodeId } from "./node-id.js";
import { type PruneResult, pruneExpired } from "./retention.js";
import { defaultSigningKeyPath, formatPublicKey, loadOrCreateSigningKey } from "./signing-key.js";
import { createSinks } from "./sinks/create-sinks.js";
import type { AuditSink } from "./sinks/sink.js";
import { SinkDispatcher, type SinkStatus } from "./sinks/sink-dispatcher.js";

/** How often retention runs while the trail is open. */
const RETENTION_INTERVAL_MS = 6 * 3_600_000;

export interface AuditTrailOptions {
  store: Store;
  config: AuditConfig;
  /** the configuration file's folder: relative sink paths, and the signing key for non-file databases */
  baseDir: string;
  logger?: Logger | undefined;
  /** default: RAMPART_NODE_ID or the host name */
  node?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** overrides of the writer (tests, benchmarks) */
  checkpointEveryEvents?: number | undefined;
  checkpointEveryMs?: number | undefined;
  batchIntervalMs?: number | undefined;
  /** sinks to use instead of config.sinks (tests) */
  sinks?: readonly AuditSink[] | undefined;
  /** run retention at start and every 6 hours; default true */
  retention?: boolean | undefined;
  sinkRetry?: { initialMs: number; maxMs: number } | undefined;
}

export interface AuditStats {
  node: string;
  queueDepth: number;
  committedSeq: number;
  sinks: (SinkStatus & { lag: number })[];
}

export interface ManagementChange {
  actor: AuditActor | null;
  action: string;
  target: { kind: string; id: string };
  changes?: Record<string, unknown> | undefined;
}

export interface AuditTrail {
  readonly node: string;
  /** the checkpoint public key, one line of base64 (SPKI DER) */
  readonly publicKey: string;
  /** the gateway's seam: `record` resolves once the event is committed (await it to ack after commit) */
  readonly sink: DecisionSink;
  /** content is kept as `audit.content` says: the masked texts (redacted), the texts (encrypted) or nothing */
  recordDecision(event: DecisionEvent, content?: DecisionContent): Promise<CommittedEvent>;
  recordManagement(change: ManagementChange): Promise<CommittedEvent>;
  record<Type extends AuditEventType>(input: AppendInput<Type>): Promise<CommittedEvent>;
  stats(): AuditStats;
  checkpointNow(): Promise<Checkpoint | undefined>;
  prune(now?: Date): Promise<PruneResult>;
  readonly repository: AuditRepository;
  /** commits what is queued, signs a last checkpoint, stops the sinks */
  close(): Promise<void>;
}

/** Builds the audit trail of one process: writer, checkpoints, retention and sinks over the store. */
export async function createAuditTrail(options: AuditTrailOptions): Promise<AuditTrail> {
  const env = options.env ?? process.env;
  const { store, config, logger } = options;
  const repository = createAuditRepository(store.db);
  const outbox = createAuditOutboxRepository(store.db);
  const signingKey = loadOrCreateSigningKey(signingKeyPathFor(store, options.baseDir), env);
  const contentKey = config.content === "encrypted" ? contentKeyFromEnvironment(env) : undefined;
  const node = options.node ?? defaultNodeId(env);
  let dispatcher: SinkDispatcher | undefined;
  const writer = await ChainWriter.open({
    repository,
    node,
    signingKey,
    durability: config.durability,
    contentMode: config.content,
    contentKey,
    checkpointEveryEvents: options.checkpointEveryEvents,
    checkpointEveryMs: options.checkpointEveryMs,
    batchIntervalMs: options.batchIntervalMs,
    onCommitError: (error, attempt) =>
      logger?.error({ err: error, attempt }, "audit commit failed; retrying"),
    onCommitted: () => dispatcher?.wake(),
  });
  const sinks = options.sinks ?? createSinks(config.sinks, options.baseDir);
  if (sinks.length > 0) {
    dispatcher = new SinkDispatcher({
      sinks,
      node,
      events: repository,
      outbox,
      startSeq: writer.committedThrough,
      retryInitialMs: options.sinkRetry?.initialMs,
      retryMaxMs: options.sinkRetry?.maxMs,
      onError: (sink, error) => logger?.warn({ err: error, sink }, "audit sink delivery failed; will retry"),
    });
    dispatcher.start();
  }
  const prune = (now?: Date) =>
    pruneExpired({
      repository,
      outbox,
      writer,
      retentionDays: config.retentionDays,
      ...(now === undefined ? {} : { now }),
    });
  const retentionTimer = options.retention === false ? undefined : startRetention(prune, outbox, logger);
  const recordDecision = (event: DecisionEvent, content?: DecisionContent) =>
    writer.append({
      type: "gateway.decision",
      actor: decisionActor(event),
      payload: event,
      content: contentForMode(content, config.content),
    });
  return {
    node,
    publicKey: formatPublicKey(signingKey.publicKey),
    repository,
    sink: {
      record: (event, content) => recordDecision(event, content).then(() => undefined),
    },
    recordDecision,
    recordManagement: (change) =>
      writer.append({
        type: "management.change",
        actor: change.actor,
        payload: {
          action: change.action,
          target: change.target,
          ...(change.changes === undefined ? {} : { changes: change.changes }),
        },
      }),
    record: (input) => writer.append(input),
    stats: () => ({
      node,
      queueDepth: writer.queueDepth,
      committedSeq: writer.committedThrough,
      sinks: (dispatcher?.statuses() ?? []).map((status) => ({
        ...status,
        lag: Math.max(0, writer.committedThrough - status.deliveredSeq),
      })),
    }),
    checkpointNow: () => writer.checkpointNow(),
    prune,
    async close() {
      if (retentionTimer !== undefined) clearInterval(retentionTimer);
      await writer.close();
      await dispatcher?.close();
    },
  };
}

/**
 * What of a decision's text the trail keeps: `redacted` keeps the masked texts (personal data,
 * secrets and canaries replaced character for character, so finding offsets still point at the
 * right place), `encrypted` keeps the texts themselves (only ciphertext reaches the store), `none`
 * keeps nothing. A caller that passes only `prompt`/`response` in redacted mode has redacted them.
 */
export function contentForMode(
  content: DecisionContent | undefined,
  mode: AuditConfig["content"],
): EventContent | undefined {
  if (content === undefined || mode === "none") return undefined;
  const prompt = mode === "redacted" ? (content.redactedPrompt ?? content.prompt) : content.prompt;
  const response = mode === "redacted" ? (content.redactedResponse ?? content.response) : content.response;
  if (prompt === undefined && response === undefined) return undefined;
  return { ...(prompt === undefined ? {} : { prompt }), ...(response === undefined ? {} : { response }) };
}

/** The default place of the checkpoint key for a store: beside its SQLite file, else in baseDir. */
export function signingKeyPathFor(store: Store, baseDir: string): string {
  const sqliteFile = store.dialect === "sqlite" && isAbsolute(store.location) ? store.location : undefined;
  return defaultSigningKeyPath({ sqliteFile, baseDir });
}

function decisionActor(event: DecisionEvent): AuditActor | null {
  if (event.principal === null) return null;
  return { kind: "key", id: event.principal.keyId, role: event.principal.role };
}

function startRetention(
  prune: () => Promise<PruneResult>,
  _outbox: AuditOutboxRepository,
  logger: Logger | undefined,
): NodeJS.Timeout {
  const run = () => {
    prune().then(
      (result) => {
        if (result.removed > 0) logger?.info({ ...result }, "audit retention pruned events");
      },
      (error: unknown) => logger?.error({ err: error }, "audit retention failed"),
    );
  };
  run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return timer;
}
