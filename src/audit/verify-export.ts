import { createHash, type KeyObject, verify } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { canonicalJson } from "./canonical-json.js";
import { type ChainBreak, NodeChainVerifier } from "./chain-verifier.js";
import { isCanonicalBase64 } from "./checkpoint.js";
import {
  exportHeaderSchema,
  exportLineSchema,
  exportSignatureMessage,
  exportSignatureSchema,
} from "./export-format.js";

export interface ExportVerificationReport {
  ok: boolean;
  nodes: number;
  events: number;
  checkpoints: number;
  /** the first problem, with the line number of the file (1-based) */
  firstBreak: (ChainBreak & { line: number }) | null;
}

export interface VerifyExportOptions {
  /**
   * check the signed last line over the whole file (default true). Off, only the chain and the
   * checkpoints are checked: what an export made by another tool, without the last line, can offer.
   */
  fileSignature?: boolean;
}

/**
 * Verifies an export file offline with only the public key: the header, every line's shape, each
 * node's chain and checkpoints (NodeChainVerifier in export mode: every event must be covered by a
 * signed checkpoint in the file), and the last line's signature over every byte before it. Any
 * modified, deleted, inserted or reordered line fails.
 */
export async function verifyExportFile(
  file: string,
  publicKey: KeyObject,
  options: VerifyExportOptions = {},
): Promise<ExportVerificationReport> {
  const checkSignature = options.fileSignature !== false;
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
  const digest = createHash("sha256");
  const finished = new Set<string>();
  let verifier: NodeChainVerifier | undefined;
  let lineNumber = 0;
  let signed = false;
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
    if (signed) {
      fail("a line follows the export signature (inserted)");
      break;
    }
    const value = parseJson(text);
    if (lineNumber === 1) {
      if (!exportHeaderSchema.safeParse(value).success) fail("line 1 is not a Rampart audit export header");
      digest.update(`${text}\n`);
      continue;
    }
    const trailer = exportSignatureSchema.safeParse(value);
    if (trailer.success) {
      signed = true;
      const sha256 = digest.digest("hex");
      if (!checkSignature) continue;
      if (text !== canonicalJson(trailer.data)) {
        fail("the export signature line is not in its canonical form (modified)");
      } else if (trailer.data.lines !== lineNumber - 1 || trailer.data.sha256 !== sha256) {
        fail("the file's lines do not match its signed digest (modified, deleted, inserted or reordered)");
      } else if (!signatureValid(trailer.data.lines, sha256, trailer.data.signature, publicKey)) {
        fail("the export signature does not verify with this public key");
      }
      continue;
    }
    digest.update(`${text}\n`);
    const parsed = exportLineSchema.safeParse(value);
    if (!parsed.success) {
      fail("not an event, checkpoint or signature line");
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
    const accepted =
      line.kind === "event"
        ? verifier.event(canonicalJson(line.envelope), line.hash)
        : verifier.checkpoint(withoutKind(line));
    if (!accepted && verifier.firstBreak !== undefined) {
      fail(verifier.firstBreak.reason, verifier.firstBreak.node, verifier.firstBreak.seq);
    }
  }
  if (report.firstBreak === null) finish();
  if (lineNumber === 0) fail("the file is empty");
  if (checkSignature && !signed) fail("the export signature line is missing (the file was cut short)");
  report.ok = report.firstBreak === null;
  return report;
}

function withoutKind<Line extends { kind: string }>(line: Line): Omit<Line, "kind"> {
  const { kind: _kind, ...rest } = line;
  return rest;
}

function signatureValid(lines: number, sha256: string, signature: string, publicKey: KeyObject): boolean {
  if (!isCanonicalBase64(signature)) return false;
  try {
    return verify(null, exportSignatureMessage(lines, sha256), publicKey, Buffer.from(signature, "base64"));
  } catch {
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
