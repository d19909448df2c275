import { z } from "zod";
import { managementRoleSchema, scopes } from "../roles.js";
import { endpoint } from "./contract.js";

/** The signed-in admin: the key, its role and what the role may do. */
export const meSchema = z.object({
  keyId: z.string(),
  name: z.string(),
  role: z.union([managementRoleSchema, z.string()]),
  scopes: z.array(z.enum(scopes)),
});
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({
  admin: meSchema,
  /** send in the x-rampart-csrf header on every write; null when the caller used a key, not the cookie */
  csrfToken: z.string().nullable(),
  /** the session ends after this long without a call */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type Session = z.infer<typeof sessionSchema>;

export const CSRF_HEADER_NAME = "x-rampart-csrf";

/** Exchanges an admin key for a session cookie (HttpOnly, SameSite=Strict, Secure behind TLS). */
export const signIn = endpoint({
  method: "POST",
  path: "/api/v1/session",
  scope: "public",
  body: z.strictObject({ key: z.string().min(1, "paste an admin key (rk_...)").max(512) }),
  response: sessionSchema,
  status: 201,
});

/** The current session (for the dashboard's reload) or the key's identity. */
export const currentSession = endpoint({
  method: "GET",
  path: "/api/v1/session",
  scope: null,
  response: sessionSchema,
});

/** Signs out: the session ends on the server and the cookie is cleared. */
export const signOut = endpoint({
  method: "DELETE",
  path: "/api/v1/session",
  scope: null,
  response: z.object({ signedOut: z.boolean() }),
});
