import { z } from "zod";

/** `gateway` keys call the models through /v1; `admin` keys call the management API. */
export const apiKeyKindSchema = z.enum(["gateway", "admin"]);
export type ApiKeyKind = z.infer<typeof apiKeyKindSchema>;

/** Data classes, lowest to highest. A key's clearance is the highest class its caller may send. */
export const dataClassSchema = z.enum(["public", "internal", "confidential", "restricted"]);
export type DataClass = z.infer<typeof dataClassSchema>;

/** A role name: lower-case word, `app` for applications; the policy gives roles their meaning. */
export const ROLE_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

/** Models a key may call; an empty list means every model the policy allows. */
export const apiKeyModelsSchema = z.array(z.string().min(1).max(200)).max(200);

/** Per-key limits; each absent limit falls back to the policy's default. */
export const apiKeyLimitsSchema = z.strictObject({
  requestsPerMinute: z.int().positive().optional(),
  tokensPerMinute: z.int().positive().optional(),
  tokensPerDay: z.int().positive().optional(),
});
export type ApiKeyLimits = z.infer<typeof apiKeyLimitsSchema>;

/** What a caller provides to create a key; the secret, id and timestamps are made by Rampart. */
export const newApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().regex(ROLE_NAME, "must be a lower-case role name").default("app"),
  app: z.string().min(1).max(200).nullable().default(null),
  team: z.string().min(1).max(200).nullable().default(null),
  models: apiKeyModelsSchema.default([]),
  /** `internal`: ordinary business data, the class most organisations give by default */
  clearance: dataClassSchema.default("internal"),
  limits: apiKeyLimitsSchema.nullable().default(null),
  kind: apiKeyKindSchema.default("gateway"),
  expiresAt: z.date().nullable().default(null),
});
export type NewApiKey = z.input<typeof newApiKeySchema>;
export type NewApiKeyFields = z.output<typeof newApiKeySchema>;

/** A stored key. It holds the hash of the key, never the key. */
export interface ApiKeyRecord extends NewApiKeyFields {
  id: string;
  prefix: string;
  hash: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type ApiKeyStatus = "active" | "revoked" | "expired";

/** Whether a key may be used at `now`. Revocation wins over expiry. */
export function apiKeyStatus(record: ApiKeyRecord, now: Date): ApiKeyStatus {
  if (record.revokedAt !== null) return "revoked";
  if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
