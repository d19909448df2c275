/**
 * The streaming output guard: a framework-free module that the gateway's HTTP layer wires between
 * the upstream SSE body and the client. See stream-guard.ts for the modes and the result.
 */
export type { ChatDelta, StreamChunk, UpstreamUsage } from "./chunk-schema.js";
export { DONE_MARKER, decodePayload, streamChunkSchema } from "./chunk-schema.js";
export type { StreamErrorCode } from "./error-event.js";
export { DONE_FRAME, errorEventFrame, policyBlockMessage, streamErrorCodes } from "./error-event.js";
export type { HoldBackChannel, HoldBackSettings, HoldBackStep } from "./hold-back.js";
export { HoldBackBuffer } from "./hold-back.js";
export type {
  BlockReason,
  ScanFailure,
  ScanReplacement,
  StreamChannel,
  StreamScanContext,
  StreamScanFunction,
  StreamScanOutcome,
} from "./scan-ledger.js";
export { ScanLedger } from "./scan-ledger.js";
export type { SseEvent, SseParseResult, SseParser, SseParserOptions } from "./sse-parser.js";
export { createSseParser, DEFAULT_MAX_EVENT_BYTES } from "./sse-parser.js";
export type { StreamGuard } from "./stream-guard.js";
export { guardStream } from "./stream-guard.js";
export type {
  StreamGuardHooks,
  StreamGuardOptions,
  StreamGuardSettings,
  StreamGuardSettingsInput,
  StreamMode,
} from "./stream-guard-options.js";
export { parseStreamGuardSettings, streamGuardSettingsSchema, streamModes } from "./stream-guard-options.js";
export type { StreamEnd, StreamGuardResult, StreamUsage } from "./stream-result.js";
export type { TokenCounter } from "./token-count.js";
export { approximateTokenCount } from "./token-count.js";
export type { UpstreamSource } from "./upstream-reader.js";
