export { MemoryVault, type MemoryVaultOptions } from "./memory-vault.js";
export * from "./operators.js";
export { RedisVault } from "./redis-vault.js";
export { restorePlaceholders } from "./restore.js";
export * from "./vault.js";
