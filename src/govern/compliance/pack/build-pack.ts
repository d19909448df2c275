import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { exportTrail, type SigningKey, verifyStore } from "../../../audit/index.js";
import { formatPublicKey, publicKeyId } from "../../../audit/signing-key.js";
import { RampartError } from "../../../core/errors.js";
import type { AuditRepository } from "../../../store/repositories/audit-event-repository.js";
import type { Control, Framework } from "../../catalog/catalog-schema.js";
import { buildComplianceReport } from "../compliance-engine.js";
import type { EvidenceSources } from "../evidence-sources.js";
import { renderComplianceHtml } from "../render-html.js";
import { renderComplianceMarkdown } from "../render-markdown.js";
import {
  MANIFEST_FILE,
  type PackManifest,
  SIGNATURE_FILE,
  sha256Hex,
  signManifest,
} from "./pack-manifest.js";

export interface PackInput {
  readonly directory: string;
  readonly frameworks: readonly Framework[];
  readonly controls: ReadonlyMap<string, Control>;
  readonly sources: EvidenceSources;
  /** the audit trail, when there is a store */
  readonly audit?: { readonly repository: AuditRepository; readonly key: SigningKey | undefined } | undefined;
  /** red-team report.json files to include */
  readonly runReports: readonly string[];
  readonly signingKey: SigningKey;
  readonly keySource: "audit" | "pack";
}

/** Every file under a folder, as '/'-separated paths relative to it, sorted. */
export function listPackFiles(directory: string): string[] {
  const files: string[] = [];
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.push(relative(directory, path).split(sep).join("/"));
    }
  };
  visit(directory);
  return files.sort();
}

/**
 * Writes an evidence pack: reports/ (JSON, Markdown, HTML per framework), audit/ (the signed
 * export of the trail and its verification), redteam/ (the run reports), records/ (the
 * governance records), then manifest.json with the SHA-256 of every file, signed into
 * manifest.sig. Parts that cannot be produced are listed under notAvailable.
 */
export async function buildEvidencePack(input: PackInput): Promise<PackManifest> {
  const { directory } = input;
  mkdirSync(directory, { recursive: true });
  if (readdirSync(directory).length > 0) {
    throw new RampartError("usage", `${directory} is not empty: a pack needs a new or empty folder`);
  }
  const notAvailable: { part: string; reason: string }[] = [];
  const write = (path: string, text: string): void => {
    mkdirSync(join(directory, path, ".."), { recursive: true });
    writeFileSync(join(directory, path), text);
  };
  for (const framework of input.frameworks) {
    const report = await buildComplianceReport(framework, input.controls, input.sources);
    write(`reports/${framework.id}.json`, `${JSON.stringify(report, null, 2)}\n`);
    write(`reports/${framework.id}.md`, renderComplianceMarkdown(report));
    write(`reports/${framework.id}.html`, renderComplianceHtml(report));
  }
  await addAudit(input, write, notAvailable);
  mkdirSync(join(directory, "redteam"), { recursive: true });
  input.runReports.forEach((file, index) => {
    copyFileSync(file, join(directory, "redteam", `${String(index + 1).padStart(3, "0")}-report.json`));
  });
  const runs = (await input.sources.redteam?.recentRuns()) ?? [];
  if (runs.length > 0) write("redteam/runs.json", `${JSON.stringify(runs, null, 2)}\n`);
  if (input.runReports.length === 0 && runs.length === 0) {
    notAvailable.push({ part: "redteam", reason: "no red-team reports or stored runs found" });
  }
  const records = await input.sources.records?.exportRecords?.();
  if (records === undefined)
    notAvailable.push({ part: "records", reason: "governance records not available" });
  else write("records/records.json", `${JSON.stringify(records, null, 2)}\n`);

  const manifest: PackManifest = {
    kind: "rampart-compliance-pack",
    schemaVersion: 1,
    createdAt: (input.sources.now?.() ?? new Date()).toISOString(),
    algorithm: "Ed25519",
    publicKey: formatPublicKey(input.signingKey.publicKey),
    keyId: publicKeyId(input.signingKey.publicKey),
    keySource: input.keySource,
    files: listPackFiles(directory).map((path) => {
      const data = readFileSync(join(directory, path));
      return { path, sha256: sha256Hex(data), bytes: data.length };
    }),
    notAvailable,
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(join(directory, MANIFEST_FILE), text);
  writeFileSync(join(directory, SIGNATURE_FILE), `${signManifest(text, input.signingKey.privateKey)}\n`);
  return manifest;
}

async function addAudit(
  input: PackInput,
  write: (path: string, text: string) => void,
  notAvailable: { part: string; reason: string }[],
): Promise<void> {
  if (input.audit === undefined) {
    notAvailable.push({ part: "audit", reason: "no audit store" });
    return;
  }
  const { repository, key } = input.audit;
  if (key === undefined) {
    notAvailable.push({ part: "audit", reason: "no audit signing key (nothing recorded yet)" });
    return;
  }
  const verification = await verifyStore(repository, key.publicKey);
  write("audit/verification.json", `${JSON.stringify(verification, null, 2)}\n`);
  mkdirSync(join(input.directory, "audit"), { recursive: true });
  const summary = await exportTrail(repository, join(input.directory, "audit", "export.jsonl"), {
    signingKey: key,
  });
  write(
    "audit/export-summary.json",
    `${JSON.stringify({ ...summary, publicKey: formatPublicKey(key.publicKey), keyId: publicKeyId(key.publicKey) }, null, 2)}\n`,
  );
}
