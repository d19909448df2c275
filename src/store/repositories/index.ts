import type { Store } from "../database.js";
import {
  type ApiKeyRepository,
  createApiKeyRepository,
  type RepositoryOptions,
} from "./api-key-repository.js";
import { createSettingsRepository, type SettingsRepository } from "./settings-repository.js";

export * from "./api-key-record.js";
export * from "./api-key-repository.js";
export * from "./api-key-secret.js";
export * from "./settings-repository.js";

/** Every repository over one store. */
export interface Repositories {
  apiKeys: ApiKeyRepository;
  settings: SettingsRepository;
}

export function createRepositories(store: Store, options: RepositoryOptions = {}): Repositories {
  return {
    apiKeys: createApiKeyRepository(store.db, options),
    settings: createSettingsRepository(store.db, options),
  };
}
