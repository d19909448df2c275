import { loadConfig } from "../config/index.js";
import { migrateToLatest, openDatabase, type Store } from "../store/index.js";

/**
 * Opens the store named by the configuration (`--config FILE`), brings its schema up to date, runs
 * `action`, and closes it whatever happens. Commands that read or write records use this.
 */
export async function withMigratedStore<T>(
  configFile: string | undefined,
  action: (store: Store) => Promise<T>,
): Promise<T> {
  const loaded = loadConfig({ file: configFile });
  const store = await openDatabase(loaded.config.storage.url, { baseDir: loaded.baseDir });
  try {
    await migrateToLatest(store);
    return await action(store);
  } finally {
    await store.close();
  }
}
