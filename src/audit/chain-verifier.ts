import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { type Checkpoint, checkpointSignatureValid } from "./checkpoint.js";
import { locateEnvelopeHeader, newHeaderPositions, regionEquals } from "./envelope-header.js";
import { hashEnvelopeText } from "./event-hash.js";
import { GENESIS_HASH } from "./event-schema.js";
import { publicKeyId } from "./signing-key.js";

/** The first thing that is wrong with a chain: the node, the event (or checkpoint) seq, and why. */
export interface ChainBreak {
  node: string;
  seq: number;
  reason: string;
}

/** The payload of an `audit.pruned` event: the one payload verification reads. */
const prunedPayloadSchema = z.object({ payload: z.object({ throughSeq: z.number().int() }) });

/** What the store says about an event besides its text (columns); each must agree with the text. */
export interface DeclaredColumns {
  seq: number;
  at: string;
  type: string;
}

export interface NodeVerifierOptions {
  node: string;
  publicKey: KeyObject;
  /**
   * store: events may start after seq 1 only if an `audit.pruned` event says so, and events after the
   * last checkpoint are allowed (not yet checkpointed). export: every event must be covered by a
   * checkpoint in the file.
   */
  mode: "store" | "export";
}

/**
 * Replays one node's chain, fed in order: events (text and stored hash) and checkpoints, each
 * checkpoint right after the event whose seq it names (an anchor checkpoint may come first).
 * Returns the first break and stops checking after it.
 */
export class NodeChainVerifier {
  readonly node: string;
  private readonly publicKey: KeyObject;
  private readonly keyId: string;
  private readonly mode: "store" | "export";
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private started = false;
  private anchored = false;
  private lastEventSeq = 0;
  private lastCheckpointSeq: number | undefined;
  private prunedThrough = 0;
  /** reused for every event */
  private readonly header = newHeaderPositions();
  firstBreak: ChainBreak | undefined;
  events = 0;
  checkpoints = 0;

  constructor(options: NodeVerifierOptions) {
    this.node = options.node;
    this.publicKey = options.publicKey;
    this.keyId = publicKeyId(options.publicKey);
    this.mode = options.mode;
  }

  /** Feeds one event; `declared` holds the store's columns for it, if any. False once the chain is broken. */
  event(text: string, hash: string, declared?: DeclaredColumns): boolean {
    if (this.firstBreak !== undefined) return false;
    const fallbackSeq = declared?.seq ?? this.expectedSeq;
    if (hashEnvelopeText(text) !== hash)
      return this.fail(fallbackSeq, "its hash does not match its content (modified)");
    // the header is compared in place: no strings are cut out of the text of a sound event
    const header = this.header;
    if (!locateEnvelopeHeader(text, header))
      return this.fail(fallbackSeq, "its envelope is not a valid audit envelope");
    const seq = header.seq;
    if (!regionEquals(text, header.nodeStart, header.nodeEnd, this.node)) {
      const node = text.slice(header.nodeStart, header.nodeEnd);
      return this.fail(seq, `it belongs to node ${node}, not ${this.node}`);
    }
    if (
      declared !== undefined &&
      (declared.seq !== seq ||
        !regionEquals(text, header.atStart, header.atEnd, declared.at) ||
        !regionEquals(text, header.typeStart, header.typeEnd, declared.type))
    ) {
      return this.fail(declared.seq, "its stored columns (seq, at, type) disagree with its envelope");
    }
    if (!this.started && !this.anchored && this.mode === "store" && seq !== 1) {
      return this.fail(seq, `the chain starts at seq ${seq} without an anchor checkpoint (events deleted)`);
    }
    if (!this.started && !this.anchored && seq !== 1) {
      return this.fail(seq, `the first event is seq ${seq} but no checkpoint anchors it`);
    }
    if (seq !== this.expectedSeq) {
      const what = seq > this.expectedSeq ? "missing (deleted)" : "out of order or inserted";
      return this.fail(seq, `expected seq ${this.expectedSeq}, found ${seq}: events ${what}`);
    }
    if (!regionEquals(text, header.prevHashStart, header.prevHashStart + 64, this.prevHash)) {
      return this.fail(
        seq,
        "its prevHash does not match the event before it (inserted, removed or reordered)",
      );
    }
    if (regionEquals(text, header.typeStart, header.typeEnd, "audit.pruned")) {
      const pruned = prunedPayloadSchema.safeParse(parseJson(text));
      if (pruned.success) this.prunedThrough = Math.max(this.prunedThrough, pruned.data.payload.throughSeq);
    }
    this.started = true;
    this.prevHash = hash;
    this.lastEventSeq = seq;
    this.expectedSeq = seq + 1;
    this.events += 1;
    return true;
  }

  checkpoint(checkpoint: Checkpoint): boolean {
    if (this.firstBreak !== undefined) return false;
    const where = `checkpoint at seq ${checkpoint.seq}`;
    if (checkpoint.node !== this.node)
      return this.fail(checkpoint.seq, `${where} belongs to node ${checkpoint.node}`);
    if (checkpoint.keyId !== this.keyId) {
      return this.fail(checkpoint.seq, `${where} is signed by key ${checkpoint.keyId}, not ${this.keyId}`);
    }
    if (!checkpointSignatureValid(checkpoint, this.publicKey)) {
      return this.fail(checkpoint.seq, `${where}: the signature does not verify (modified)`);
    }
    if (!this.started) {
      if (this.anchored)
        return this.fail(checkpoint.seq, `${where} follows another checkpoint with no events between`);
      // an anchor: the events before it were pruned or lie outside the export
      this.anchored = true;
      this.expectedSeq = checkpoint.seq + 1;
      this.prevHash = checkpoint.headHash;
      this.lastCheckpointSeq = checkpoint.seq;
      this.checkpoints += 1;
      return true;
    }
    if (checkpoint.seq !== this.lastEventSeq) {
      return this.fail(
        checkpoint.seq,
        `${where} comes after event ${this.lastEventSeq} (moved, or events removed)`,
      );
    }
    if (checkpoint.headHash !== this.prevHash)
      return this.fail(checkpoint.seq, `${where} does not match the chain`);
    const expectedPrevious = this.lastCheckpointSeq ?? 0;
    if (checkpoint.previousSeq !== expectedPrevious) {
      return this.fail(
        checkpoint.seq,
        `${where} follows checkpoint ${checkpoint.previousSeq}, but the last one seen is ${expectedPrevious} (a checkpoint is missing or inserted)`,
      );
    }
    this.lastCheckpointSeq = checkpoint.seq;
    this.checkpoints += 1;
    return true;
  }

  /** Ends the node: checks the start against pruning records (store) or the end's coverage (export). */
  finish(): { uncheckpointed: number } {
    if (this.firstBreak === undefined) {
      const firstSeq = this.lastEventSeq - this.events + 1;
      if (this.mode === "store" && this.anchored && this.events > 0 && firstSeq - 1 > this.prunedThrough) {
        this.fail(
          firstSeq,
          `events before seq ${firstSeq} are gone but no audit.pruned event records their removal`,
        );
      }
      if (this.mode === "export" && this.lastCheckpointSeq !== this.lastEventSeq) {
        this.fail(
          this.lastEventSeq,
          `events after seq ${this.lastCheckpointSeq ?? 0} are not covered by a checkpoint`,
        );
      }
    }
    return { uncheckpointed: this.lastEventSeq - (this.lastCheckpointSeq ?? 0) };
  }

  private fail(seq: number, reason: string): false {
    this.firstBreak ??= { node: this.node, seq, reason };
    return false;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
