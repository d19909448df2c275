import type { FastifyInstance } from "fastify";
import type { ManagementChange } from "../../audit/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { ApiKeyRepository } from "../../store/index.js";
import { keysRoutes } from "./keys-routes.js";
import { requireScope, scopesOf } from "./management-auth.js";

export interface ManagementDependencies {
  keys: ApiKeyRepository;
  /** authenticates admin keys (kind `admin`) */
  admins: Authenticator;
  /** the gateway's authenticator, whose cache a revocation clears at once on this node */
  gateway: Authenticator;
  /** the effective policy, as the gateway enforces it */
  effectivePolicy: () => unknown;
  /** records a change in the audit trail, with its actor; resolves once committed */
  recordChange: (change: ManagementChange) => Promise<unknown>;
}

/** The management API under /api/v1, for admin keys; every route names the scope it needs. */
export async function managementPlugin(
  app: FastifyInstance,
  dependencies: ManagementDependencies,
): Promise<void> {
  app.get("/api/v1/me", { preHandler: requireScope(dependencies.admins) }, async (request) => ({
    keyId: request.admin?.keyId,
    name: request.admin?.keyName,
    role: request.admin?.role,
    scopes: scopesOf(request.admin?.role ?? ""),
  }));
  app.get("/api/v1/policy", { preHandler: requireScope(dependencies.admins, "policy:read") }, async () => ({
    policy: dependencies.effectivePolicy(),
  }));
  await keysRoutes(app, dependencies);
}
