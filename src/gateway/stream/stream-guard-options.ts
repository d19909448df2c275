import { z } from "zod";
import { RampartError } from "../../core/index.js";
import type { StreamScanFunction } from "./scan-ledger.js";
import { DEFAULT_MAX_EVENT_BYTES } from "./sse-parser.js";
import type { TokenCounter } from "./token-count.js";

/**
 * The options of a guarded stream. Numbers and modes are parsed once with a schema (defaults filled,
 * the result frozen); the functions (scan, transform, token counter) are injected as they are.
 */

export const streamModes = ["hold-back", "buffer", "audit"] as const;
export type StreamMode = (typeof streamModes)[number];

const settingsObjectSchema = z.object({
  /** hold-back: release text as it is scanned; buffer: scan once at the end; audit: never hold or block */
  mode: z.enum(streamModes).default("hold-back"),
  /** characters pending before a scan runs (the most a character can be held back) */
  windowSize: z.number().int().min(1).max(1_000_000).default(200),
  /** released characters that each scan sees again before the pending text */
  overlap: z.number().int().min(0).max(100_000).default(64),
  /**
   * scanned characters kept pending after a scan, to be scanned again with what follows;
   * default min(32, windowSize / 4)
   */
  holdTail: z.number().int().min(0).max(100_000).optional(),
  /** pending characters past which everything scanned is released; default 4 x windowSize */
  maxPending: z.number().int().min(1).optional(),
  /** the longest de-anonymisation placeholder kept pending while incomplete */
  maxPlaceholderLength: z.number().int().min(2).max(1_000).default(48),
  /** closed: a failed or timed-out scan blocks; open: the window is released and counted as skipped */
  failMode: z.enum(["closed", "open"]).default("closed"),
  /** bound on one asynchronous scan, in milliseconds; 0 disables it */
  scanTimeoutMs: z.number().int().min(0).max(600_000).default(2_000),
  /**
   * buffer mode: upstream bytes held at most; past it the stream fails closed. Audit mode: the
   * most data waiting for background scans; past it chunks go unscanned, counted as skipped.
   */
  maxBufferBytes: z
    .number()
    .int()
    .min(1)
    .default(4 * 1024 * 1024),
  /** one SSE event at most, in bytes */
  maxEventBytes: z.number().int().min(64).default(DEFAULT_MAX_EVENT_BYTES),
  /**
   * hold-back mode: when the upstream sends nothing for this long (a slow model), scan the text
   * received since the last scan and release it without waiting for a full window; 0 disables it
   */
  idleReleaseMs: z.number().int().min(0).max(600_000).default(0),
  /** forward the upstream usage chunk to the client (false when only the gateway asked for it) */
  forwardUsage: z.boolean().default(true),
});

export const streamGuardSettingsSchema = settingsObjectSchema
  .refine((settings) => settings.holdTail === undefined || settings.holdTail < settings.windowSize, {
    message: "holdTail must be smaller than windowSize",
    path: ["holdTail"],
  })
  .transform((settings) => ({
    ...settings,
    holdTail: settings.holdTail ?? Math.min(DEFAULT_HOLD_TAIL, Math.floor(settings.windowSize / 4)),
    maxPending: settings.maxPending ?? settings.windowSize * 4,
  }));

/** The default held tail, in characters: most secrets and identifiers are shorter. */
const DEFAULT_HOLD_TAIL = 32;

export type StreamGuardSettingsInput = z.input<typeof streamGuardSettingsSchema>;
export type StreamGuardSettings = Readonly<z.output<typeof streamGuardSettingsSchema>>;

export interface StreamGuardHooks {
  /** the scan of one window; the policy is behind it */
  readonly scan: StreamScanFunction;
  /** de-anonymisation of released text (placeholders restored); applied after the scan */
  readonly transform?: (text: string) => string;
  /** completion-token counter for local usage; default: characters / 4 */
  readonly countTokens?: TokenCounter;
  /** a client disconnect: aborting it cancels the upstream read */
  readonly signal?: AbortSignal;
}

export type StreamGuardOptions = StreamGuardSettingsInput & StreamGuardHooks;

const SETTINGS_KEYS = Object.keys(settingsObjectSchema.shape) as (keyof StreamGuardSettingsInput)[];
/** Parsed settings by their input values: every stream of a policy passes the same few. */
const parsedSettings = new Map<string, StreamGuardSettings>();
const MAX_PARSED_SETTINGS = 100;

/** A key of the settings values when all are primitives (the type is part of it), else undefined. */
function settingsKey(input: StreamGuardSettingsInput): string | undefined {
  let key = "";
  for (const name of SETTINGS_KEYS) {
    const value: unknown = input[name];
    if (value === undefined) key += "u|";
    else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
      key += `${typeof value}:${String(value)}|`;
    else return undefined;
  }
  return key;
}

/**
 * Parses the settings part of the options; invalid values throw RampartError("config_invalid").
 * Valid settings are kept by their values (frozen), so a stream does not parse them again.
 */
export function parseStreamGuardSettings(input: StreamGuardSettingsInput): StreamGuardSettings {
  const key = settingsKey(input);
  const found = key === undefined ? undefined : parsedSettings.get(key);
  if (found !== undefined) return found;
  const settings = parseSettings(input);
  if (key !== undefined) {
    if (parsedSettings.size >= MAX_PARSED_SETTINGS) parsedSettings.clear();
    parsedSettings.set(key, settings);
  }
  return settings;
}

function parseSettings(input: StreamGuardSettingsInput): StreamGuardSettings {
  const parsed = streamGuardSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? "" : `${issue.path.join(".")}: `;
    throw new RampartError("config_invalid", `stream guard options: ${where}${issue?.message ?? "invalid"}`);
  }
  return Object.freeze(parsed.data);
}
