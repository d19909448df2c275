import type { KeyObject } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { canonicalJson } from "./canonical-json.js";
import { type ChainBreak, NodeChainVerifier } from "./chain-verifier.js";
import { exportHeaderSchema, exportLineSchema } from "./export-format.js";

export interface ExportVerificationReport {
  ok: boolean;
  nodes: number;
  events: number;
  checkpoints: number;
  /** the first problem, with the line number of the file (1-based) */
  firstBreak: (ChainBreak & { line: number }) | null;
}

/**
 * Verifies an export file offline with only the public key: the header, every line's shape, each
 * node's chain and checkpoints (see NodeChainVerifier, export mode: every event must be covered by
 * a signed checkpoint in the file). Any modified, deleted, inserted or reordered line fails.
 */
export async function verifyExportFile(
  file: string,
  publicKey: KeyObject,
): Promise<ExportVerificationReport> {
  const report: ExportVerificationReport = {
    ok: false,
    nodes: 0,
    events: 0,
    checkpoints: 0,
    firstBreak: null,
  };
  const lines = createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const finished = new Set<string>();
  let verifier: NodeChainVerifier | undefined;
  let lineNumber = 0;
  const fail = (reason: string, node = "", seq = 0): void => {
    report.firstBreak ??= { node, seq, reason, line: lineNumber };
  };
  const finish = (): void => {
    if (verifier === undefined) return;
    verifier.finish();
    report.events += verifier.events;
    report.checkpoints += verifier.checkpoints;
    if (verifier.firstBreak !== undefined)
      fail(verifier.firstBreak.reason, verifier.firstBreak.node, verifier.firstBreak.seq);
    finished.add(verifier.node);
    verifier = undefined;
  };
  for await (const text of lines) {
    lineNumber += 1;
    if (report.firstBreak !== null) break;
    const value = parseJson(text);
    if (lineNumber === 1) {
      if (!exportHeaderSchema.safeParse(value).success) fail("line 1 is not a Rampart audit export header");
      continue;
    }
    const parsed = exportLineSchema.safeParse(value);
    if (!parsed.success) {
      fail("not an event or checkpoint line");
      continue;
    }
    const line = parsed.data;
    const node = line.kind === "event" ? String(line.envelope.node) : line.node;
    if (verifier === undefined || verifier.node !== node) {
      finish();
      if (report.firstBreak !== null) break;
      if (finished.has(node)) {
        fail(`lines of node ${node} are not together (moved)`, node);
        break;
      }
      report.nodes += 1;
      verifier = new NodeChainVerifier({ node, publicKey, mode: "export" });
    }
    const before = verifier.firstBreak;
    if (line.kind === "event") verifier.event(canonicalJson(line.envelope), line.hash);
    else {
      const { kind: _kind, ...checkpoint } = line;
      verifier.checkpoint(checkpoint);
    }
    if (before === undefined && verifier.firstBreak !== undefined) {
      fail(verifier.firstBreak.reason, verifier.firstBreak.node, verifier.firstBreak.seq);
    }
  }
  if (report.firstBreak === null) finish();
  if (lineNumber === 0) fail("the file is empty");
  report.ok = report.firstBreak === null;
  return report;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
