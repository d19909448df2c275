import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createAuditTrail } from "../../audit/index.js";
import { sampleDecision } from "../../audit/test-support/audit-fixtures.js";
import { auditConfigSchema } from "../../config/index.js";
import { migrateToLatest, openDatabase, type Store } from "../../store/index.js";

/**
 * A `rampart.yaml` with SQLite in `folder` (audit content off) and a store holding `events` sample
 * gateway decisions on node `node-a`, checkpointed every 5 events. `also` may add records to the
 * store before it closes. Answers the config file and the checkpoint public key.
 */
export async function seededAuditStore(
  folder: string,
  options: { events: number; at?: string; also?: (store: Store) => Promise<void> },
): Promise<{ configFile: string; publicKey: string }> {
  const configFile = join(folder, "rampart.yaml");
  await writeFile(configFile, "storage:\n  url: sqlite:./rampart.db\naudit:\n  content: none\n");
  const store = await openDatabase("sqlite:./rampart.db", { baseDir: folder });
  try {
    await migrateToLatest(store);
    const trail = await createAuditTrail({
      store,
      config: auditConfigSchema.parse({ content: "none" }),
      baseDir: folder,
      node: "node-a",
      env: {},
      retention: false,
      checkpointEveryEvents: 5,
    });
    const at = options.at;
    for (let index = 1; index <= options.events; index += 1)
      await trail.sink.record(sampleDecision(index, at === undefined ? {} : { at }));
    const publicKey = trail.publicKey;
    await trail.close();
    await options.also?.(store);
    return { configFile, publicKey };
  } finally {
    await store.close();
  }
}
