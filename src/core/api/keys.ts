import { z } from "zod";
import { endpoint } from "./contract.js";
import { meSchema } from "./session.js";

/**
 * API keys (docs/management-api.md): gateway keys for applications and admin keys for the
 * management API and the dashboard. A key is stored as its SHA-256 and an 8-character display
 * prefix; the key itself is in the answer of its creation once and never again.
 */

export const apiKeyKinds = ["gateway", "admin"] as const;
export const apiKeyKindSchema = z.enum(apiKeyKinds);

/** The most sensitive data class a key may send (acceptable use, docs/policy.md). */
export const keyClearances = ["public", "internal", "confidential", "restricted"] as const;
export const keyClearanceSchema = z.enum(keyClearances);

export const apiKeyStatuses = ["active", "revoked", "expired"] as const;
export const apiKeyStatusSchema = z.enum(apiKeyStatuses);

/** A key as listed: never its hash, never the key. */
export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** the key's first 8 characters, to recognise it */
  prefix: z.string(),
  kind: apiKeyKindSchema,
  /** gateway keys: the policy role (`app` by default); admin keys: admin, security, auditor or owner */
  role: z.string(),
  app: z.string().nullable(),
  team: z.string().nullable(),
  /** models the key may call; empty: every model the policy allows */
  models: z.array(z.string()),
  clearance: keyClearanceSchema,
  status: apiKeyStatusSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** Active and expired keys; `all=true` adds the revoked ones. */
export const listKeys = endpoint({
  method: "GET",
  path: "/api/v1/keys",
  scope: "keys:read",
  query: z.object({ all: z.enum(["true", "false"]).optional() }),
  response: z.object({ data: z.array(apiKeyViewSchema) }),
});

export const createKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1, "name the key (who or what uses it)").max(200),
  kind: apiKeyKindSchema.default("gateway"),
  /** default: `app` for a gateway key, `auditor` for an admin key */
  role: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/, "a lower-case role name")
    .optional(),
  app: z.string().min(1).max(200).nullable().optional(),
  team: z.string().min(1).max(200).nullable().optional(),
  models: z.array(z.string().min(1).max(200)).max(200).optional(),
  clearance: keyClearanceSchema.optional(),
  expiresAt: z.iso.datetime().nullable().optional(),
});

/** Creates a key; the answer carries the key itself, the only time it is shown. */
export const createKey = endpoint({
  method: "POST",
  path: "/api/v1/keys",
  scope: "keys:write",
  body: createKeyBodySchema,
  response: apiKeyViewSchema.extend({ key: z.string() }),
  status: 201,
});

/**
 * Revokes a key at once (this node's key cache is cleared; other nodes within 500 ms). Needs
 * keys:write or containment:execute: the contract's single scope cannot say "either", so the
 * endpoint admits any signed-in admin and the server checks the two scopes itself.
 */
export const revokeKey = endpoint({
  method: "POST",
  path: "/api/v1/keys/:id/revoke",
  scope: null,
  params: z.object({ id: z.string().min(1).max(200) }),
  response: z.object({ id: z.string(), revoked: z.literal(true), changed: z.boolean() }),
});

/** The scopes revoking a key needs (either one). */
export const revokeKeyScopes = ["keys:write", "containment:execute"] as const;

/** Who the caller is: the admin key, its role and the scopes of the role. */
export const getMe = endpoint({
  method: "GET",
  path: "/api/v1/me",
  scope: null,
  response: meSchema,
});
