/**
 * The model simulator: a deterministic OpenAI-compatible server for demos, tests, benchmarks and
 * red-team targets. See docs in README.md beside this file.
 */
export { DEFAULT_DIMENSIONS, embedText } from "./embeddings.js";
export { createSimulatorFetch, type SimulatorFetch } from "./fetch-handler.js";
export { createSimulatorHandler, type SimulatorHttpHandler } from "./http-handler.js";
export { DEMO_MODEL_IDS } from "./models.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  type ResolvedSimulatorOptions,
  resolveSimulatorOptions,
  type SimulatorOptions,
} from "./options.js";
export * from "./profiles/index.js";
export { SIMULATOR_CREATED, SIMULATOR_FINGERPRINT } from "./request-identity.js";
export {
  handleSimulatorRequest,
  type SimulatorCoreOptions,
  type SimulatorRequest,
} from "./simulator-core.js";
export type { SimulatorResponse } from "./simulator-response.js";
export { type RunningSimulator, startSimulator } from "./start-simulator.js";
export { ECHO_MODEL, hookFor, MAX_LONG_TOKENS } from "./test-hooks.js";
export { countTokens, splitTokenPieces, truncateToTokens } from "./tokens.js";
