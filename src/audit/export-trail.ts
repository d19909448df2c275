import { createHash, sign } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { AuditRepository, StoredCheckpoint } from "../store/repositories/audit-event-repository.js";
import { canonicalJson } from "./canonical-json.js";
import {
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type ExportSignature,
  exportSignatureMessage,
} from "./export-format.js";
import type { SigningKey } from "./signing-key.js";

const PAGE_SIZE = 5000;

export interface ExportOptions {
  /** ISO times; events with at in [from, to] are exported, widened to the checkpoints around them */
  from?: string | undefined;
  to?: string | undefined;
  /** signs the file's last line (the same key as the checkpoints) */
  signingKey: SigningKey;
  now?: () => Date;
}

export interface ExportSummary {
  events: number;
  checkpoints: number;
  /** events in range that no checkpoint covers yet: left out, they go in a later export */
  leftOut: number;
}

/**
 * Writes an export: a header line, then per node the anchor checkpoint (when the range does not
 * start at seq 1), the events in seq order with each checkpoint right after the event it signs.
 * The range widens to whole checkpoint intervals, so every exported event is covered by a signature
 * and the file verifies without the database. The last line signs every line before it.
 */
export async function exportTrail(
  repository: AuditRepository,
  file: string,
  options: ExportOptions,
): Promise<ExportSummary> {
  const output = createWriteStream(file, { mode: 0o600 });
  const digest = createHash("sha256");
  let lineCount = 0;
  const write = async (line: string): Promise<void> => {
    digest.update(`${line}\n`);
    lineCount += 1;
    if (!output.write(`${line}\n`)) await once(output, "drain");
  };
  const summary: ExportSummary = { events: 0, checkpoints: 0, leftOut: 0 };
  try {
    const header: ExportHeader = {
      kind: "rampart-audit-export",
      version: EXPORT_FORMAT_VERSION,
      exportedAt: (options.now?.() ?? new Date()).toISOString(),
      from: options.from ?? null,
      to: options.to ?? null,
      keyId: options.signingKey.keyId,
    };
    await write(JSON.stringify(header));
    for (const node of await repository.nodes()) {
      const bounds = await repository.seqBounds(node, options.from, options.to);
      if (bounds === undefined) continue;
      const anchor =
        bounds.first > 1 ? await repository.checkpointAtOrBefore(node, bounds.first - 1) : undefined;
      const end =
        (await repository.checkpointAtOrAfter(node, bounds.last)) ??
        (await repository.checkpointAtOrBefore(node, bounds.last));
      const startSeq = anchor === undefined ? 1 : anchor.seq + 1;
      if (end === undefined || end.seq < startSeq) {
        summary.leftOut += bounds.last - bounds.first + 1;
        continue;
      }
      summary.leftOut += Math.max(0, bounds.last - end.seq);
      const checkpoints = await repository.checkpoints(node, startSeq - 1, end.seq);
      let nextCheckpoint = 0;
      const writeCheckpointsThrough = async (seq: number): Promise<void> => {
        for (
          let checkpoint = checkpoints[nextCheckpoint];
          checkpoint !== undefined && checkpoint.seq <= seq;
          checkpoint = checkpoints[nextCheckpoint]
        ) {
          if (checkpoint.seq >= startSeq - 1) {
            await write(checkpointLine(checkpoint));
            summary.checkpoints += 1;
          }
          nextCheckpoint += 1;
        }
      };
      if (anchor !== undefined) await writeCheckpointsThrough(anchor.seq);
      let afterSeq = startSeq - 1;
      while (afterSeq < end.seq) {
        const page = await repository.events(node, afterSeq, PAGE_SIZE);
        if (page.length === 0) break;
        for (const event of page) {
          if (event.seq > end.seq) break;
          await write(`{"kind":"event","hash":"${event.hash}","envelope":${event.envelope}}`);
          summary.events += 1;
          await writeCheckpointsThrough(event.seq);
          afterSeq = event.seq;
        }
        if ((page.at(-1)?.seq ?? end.seq) >= end.seq) break;
      }
    }
    const sha256 = digest.digest("hex");
    const trailer: ExportSignature = {
      kind: "export-signature",
      lines: lineCount,
      sha256,
      keyId: options.signingKey.keyId,
      signature: sign(
        null,
        exportSignatureMessage(lineCount, sha256),
        options.signingKey.privateKey,
      ).toString("base64"),
    };
    output.write(`${canonicalJson(trailer)}\n`);
  } finally {
    output.end();
    await once(output, "close");
  }
  return summary;
}

function checkpointLine(checkpoint: StoredCheckpoint): string {
  return canonicalJson({ kind: "checkpoint", ...checkpoint });
}
