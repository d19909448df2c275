import type { FastifyInstance } from "fastify";
import type { ManagementChange } from "../../audit/index.js";
import { getMe } from "../../core/api/keys.js";
import { getEffectivePolicy } from "../../core/api/policy.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { ApiKeyRepository } from "../../store/index.js";
import { route } from "./contract-route.js";
import { keysRoutes } from "./keys-routes.js";
import { scopesOf } from "./management-auth.js";

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
  route(app, dependencies.admins, getMe, async ({ admin }) => ({
    keyId: admin.keyId,
    name: admin.keyName,
    role: admin.role,
    scopes: [...scopesOf(admin.role)],
  }));
  route(app, dependencies.admins, getEffectivePolicy, async () => ({
    policy: dependencies.effectivePolicy() as Record<string, unknown>,
  }));
  await keysRoutes(app, dependencies);
}
