export { type OpenDatabaseOptions, openDatabase, type Store } from "./database.js";
export type { RampartDatabase } from "./database-schema.js";
export { type MigrationList, type MigrationState, migrateToLatest, migrationStatus } from "./migrate.js";
export * from "./repositories/index.js";
export {
  describeStorageTarget,
  parseStorageUrl,
  type StorageTarget,
  type StoreDialect,
} from "./storage-url.js";
