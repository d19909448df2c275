import { z } from "zod";

/**
 * The schema of rampart.yaml. Every object is strict: an unknown key is reported, not ignored.
 * Defaults live here and only here; the parsed configuration is frozen (see load.ts).
 */

const portSchema = z
  .number()
  .int()
  .min(0, "must be a port number (0-65535)")
  .max(65535, "must be a port number (0-65535)");

const httpUrl = z.string().refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
  message: "must be a URL (http:// or https://)",
});

export const serverConfigSchema = z.strictObject({
  host: z.string().min(1).default("127.0.0.1"),
  port: portSchema.default(8787),
  /** largest request body accepted, in bytes */
  bodyLimitBytes: z
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /** how long in-flight requests may run after SIGTERM before the server closes them */
  shutdownTimeoutMs: z.number().int().positive().default(10_000),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** trust X-Forwarded-* from a TLS-terminating proxy in front of Rampart */
  trustProxy: z.boolean().default(false),
});

export const dashboardConfigSchema = z.strictObject({
  /** serve the web dashboard at / (the management API at /api/v1 stays on either way) */
  enabled: z.boolean().default(true),
  /** a dashboard session unused for this long ends */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** a dashboard session ends this long after sign-in, however busy */
  sessionMaxHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
});

export const storageConfigSchema = z.strictObject({
  url: z
    .string()
    .refine((value) => /^(sqlite:|postgres(ql)?:\/\/)/.test(value), {
      message: "must start with sqlite: (sqlite:./rampart.db, sqlite::memory:) or postgres://",
    })
    .default("sqlite:./rampart.db"),
});

export const redisConfigSchema = z.strictObject({
  url: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), {
      message: "must be a redis:// URL",
    })
    .optional(),
});

export const upstreamConfigSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, "must be a name of letters, digits, '.', '_' or '-'"),
  url: httpUrl,
  /** the upstream's own key, added by the gateway; callers never see it */
  apiKey: z.string().min(1).optional(),
  /** model names served by this upstream; "*" matches any, "llama-*" a prefix */
  models: z.array(z.string().min(1)).min(1, 'must list at least one model (or "*")').default(["*"]),
  /** alias -> model name sent upstream */
  aliases: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().positive().default(300_000),
  connectTimeoutMs: z.number().int().positive().default(5_000),
  maxConnections: z.number().int().positive().default(64),
});

const sinkName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, "must be a name of letters, digits, '.', '_' or '-'");
/** `rampart`: the audit event as exported; `ocsf`: OCSF Detection Finding (2004) or API Activity (6003) */
const sinkFormat = z.enum(["rampart", "ocsf"]).default("rampart");

/** Where audit events go besides the store (docs/audit.md, "Sinks"); each delivers at least once. */
export const auditSinkConfigSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("file"), name: sinkName, format: sinkFormat, path: z.string().min(1) }),
  z.strictObject({
    type: z.literal("syslog"),
    name: sinkName,
    format: sinkFormat,
    host: z.string().min(1),
    port: portSchema.default(514),
    protocol: z.enum(["udp", "tcp"]).default("udp"),
    /** RFC 5424 facility number; 16 is local0 */
    facility: z.number().int().min(0).max(23).default(16),
  }),
  z.strictObject({
    type: z.literal("webhook"),
    name: sinkName,
    format: sinkFormat,
    url: httpUrl,
    headers: z.record(z.string(), z.string()).default({}),
    timeoutMs: z.number().int().positive().default(10_000),
  }),
]);

export const auditConfigSchema = z.strictObject({
  /** how prompt and response text is kept with events */
  content: z.enum(["none", "redacted", "encrypted"]).default("redacted"),
  durability: z.enum(["sync", "batched"]).default("sync"),
  retentionDays: z.number().int().positive().default(180),
  sinks: z
    .array(auditSinkConfigSchema)
    .default([])
    .refine((sinks) => new Set(sinks.map((sink) => sink.name)).size === sinks.length, {
      message: "sink names must be unique",
    }),
});

const countSchema = z.number().int().positive();

/** Limits of one scope; the same fields as the key's own limits. */
export const scopeLimitsConfigSchema = z.strictObject({
  requestsPerMinute: countSchema.optional(),
  requestsPerDay: countSchema.optional(),
  tokensPerMinute: countSchema.optional(),
  tokensPerDay: countSchema.optional(),
  maxPromptTokens: countSchema.optional(),
  maxCompletionTokens: countSchema.optional(),
});

export const limitsConfigSchema = z.strictObject({
  /** limits of every gateway key; a key's own limits (keys create) win field by field */
  key: scopeLimitsConfigSchema.default({}),
  /** limits per application, shared by every key of the app */
  apps: z.record(z.string(), scopeLimitsConfigSchema).default({}),
  /** limits per team, shared by every key of the team */
  teams: z.record(z.string(), scopeLimitsConfigSchema).default({}),
  /** when Redis fails: `closed` answers 503; `memory` counts per process until it is back */
  onRedisError: z.enum(["closed", "memory"]).default("closed"),
});

/**
 * OpenTelemetry traces of gateway requests (docs/observability.md). Off by default; when off, no
 * OpenTelemetry code is loaded and no hook is registered.
 */
export const tracingConfigSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** the OTLP/HTTP (JSON) traces endpoint of a collector */
  endpoint: httpUrl.default("http://127.0.0.1:4318/v1/traces"),
  /** headers sent with every export, e.g. an authorization token (use ${ENV} references) */
  headers: z.record(z.string(), z.string()).default({}),
  /** the service.name resource attribute */
  serviceName: z.string().min(1).default("rampart"),
  /** the share of requests traced (0 to 1); a caller's sampled traceparent is followed */
  sampleRatio: z.number().min(0).max(1).default(1),
  /** how long one export may take */
  exportTimeoutMs: z.number().int().positive().default(10_000),
});

export const rampartConfigSchema = z.strictObject({
  server: serverConfigSchema.prefault({}),
  storage: storageConfigSchema.prefault({}),
  redis: redisConfigSchema.prefault({}),
  upstreams: z.array(upstreamConfigSchema).default([]),
  /** a path to a policy file (relative to the configuration file) or the policy inline */
  policy: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  audit: auditConfigSchema.prefault({}),
  limits: limitsConfigSchema.prefault({}),
  dashboard: dashboardConfigSchema.prefault({}),
  tracing: tracingConfigSchema.prefault({}),
});

export type RampartConfig = z.infer<typeof rampartConfigSchema>;
export type UpstreamConfig = z.infer<typeof upstreamConfigSchema>;
export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type DashboardConfig = z.infer<typeof dashboardConfigSchema>;
export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
export type AuditConfig = z.infer<typeof auditConfigSchema>;
export type AuditSinkConfig = z.infer<typeof auditSinkConfigSchema>;
export type TracingConfig = z.infer<typeof tracingConfigSchema>;
