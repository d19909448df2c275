import { existsSync } from "node:fs";
import { signingKeyPathFor } from "../../audit/audit-trail.js";
import { loadSigningKey } from "../../audit/signing-key.js";
import { type LoadedConfig, loadConfig } from "../../config/index.js";
import { loadPolicyFromConfig } from "../../policy/index.js";
import { migrateToLatest, openDatabase, type Store } from "../../store/index.js";
import { createAuditRepository } from "../../store/repositories/audit-event-repository.js";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { createRedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";
import { parseStorageUrl } from "../../store/storage-url.js";
import { storeGovernanceRecordsSource } from "../as-code/store-records-source.js";
import type { EvidenceSources, GovernanceRecordsSource, RedTeamRunSource } from "./evidence-sources.js";
import { auditChainVerifier, auditGatewayStats } from "./sources/audit-store-sources.js";
import { redTeamReportSource } from "./sources/redteam-report-source.js";
import { combinedRedTeamSource, redTeamStoreSource } from "./sources/redteam-store-source.js";

export interface OpenSourcesOptions {
  readonly configFile?: string | undefined;
  /** report.json files or run folders */
  readonly runs?: readonly string[] | undefined;
  readonly records?: GovernanceRecordsSource | undefined;
}

export interface OpenedSources {
  readonly loaded: LoadedConfig;
  readonly sources: EvidenceSources;
  /** the open store, when there is one with an audit trail */
  readonly store: Store | undefined;
  /** why a source is missing ("audit store: sqlite file ./rampart.db does not exist") */
  readonly notes: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens every evidence source the configuration points at. The store is opened only when it
 * already exists (a report never creates a database); an unreachable store leaves gateway
 * statistics and chain verification out, with a note, instead of failing the report.
 */
export async function openEvidenceSources(options: OpenSourcesOptions): Promise<OpenedSources> {
  const loaded = loadConfig({ file: options.configFile });
  const policy = loadPolicyFromConfig(loaded);
  const notes: string[] = [];
  const store = await openExistingStore(loaded, notes);
  const redteam: RedTeamRunSource[] = [];
  if (options.runs !== undefined && options.runs.length > 0) redteam.push(redTeamReportSource(options.runs));
  if (store !== undefined) redteam.push(redTeamStoreSource(createRedteamRunRepository(store.db)));
  let sources: EvidenceSources = {
    config: loaded,
    policy,
    redteam: redteam.length === 0 ? undefined : combinedRedTeamSource(redteam),
    // records from --records win; otherwise the governance register applied to the store (govern apply)
    records:
      options.records ??
      (store === undefined
        ? undefined
        : storeGovernanceRecordsSource(createGovernanceRecordRepository(store.db))),
  };
  if (redteam.length === 0) notes.push("red-team runs: no store and no report files (--runs)");
  if (sources.records === undefined)
    notes.push("governance records: not available (no store and no --records)");
  if (store !== undefined) {
    const repository = createAuditRepository(store.db);
    const key = loadSigningKey(signingKeyPathFor(store, loaded.baseDir));
    sources = {
      ...sources,
      gateway: auditGatewayStats(repository),
      auditChain: key === undefined ? undefined : auditChainVerifier(repository, key.publicKey),
    };
    if (key === undefined) notes.push("audit chain: no signing key yet (nothing recorded)");
  }
  return {
    loaded,
    sources,
    store,
    notes,
    close: async () => {
      await store?.close();
    },
  };
}

async function openExistingStore(loaded: LoadedConfig, notes: string[]): Promise<Store | undefined> {
  const url = loaded.config.storage.url;
  const target = parseStorageUrl(url, loaded.baseDir);
  if (target.dialect === "sqlite" && (target.memory || !existsSync(target.file))) {
    notes.push(`audit store: ${target.memory ? "in memory" : `${target.file} does not exist`}`);
    return undefined;
  }
  try {
    const store = await openDatabase(url, { baseDir: loaded.baseDir });
    await migrateToLatest(store);
    return store;
  } catch (error) {
    notes.push(`audit store: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
