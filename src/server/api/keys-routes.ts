import type { FastifyInstance } from "fastify";
import type { ManagementChange } from "../../audit/index.js";
import { type ApiKeyView, createKey, listKeys, revokeKey, revokeKeyScopes } from "../../core/api/keys.js";
import { managementRoleSchema, RampartError, roleCan } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";
import { type ApiKeyRecord, type ApiKeyRepository, apiKeyStatus, issueApiKey } from "../../store/index.js";
import { route } from "./contract-route.js";

export function keyView(record: ApiKeyRecord): ApiKeyView {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    kind: record.kind,
    role: record.role,
    app: record.app,
    team: record.team,
    models: record.models,
    clearance: record.clearance,
    status: apiKeyStatus(record, new Date()),
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  };
}

const actorOf = (admin: Principal) => ({ kind: "admin" as const, id: admin.keyId, role: admin.role });

/** /api/v1/keys: list, create (the key is in the answer once), revoke (contract: src/core/api/keys.ts). */
export async function keysRoutes(
  app: FastifyInstance,
  options: {
    keys: ApiKeyRepository;
    admins: Authenticator;
    gateway: Authenticator;
    recordChange: (change: ManagementChange) => Promise<unknown>;
  },
): Promise<void> {
  const { keys, admins, gateway, recordChange } = options;

  route(app, admins, listKeys, async ({ query }) => {
    const records = await keys.list({ includeRevoked: query.all === "true" });
    return { data: records.map(keyView) };
  });

  route(app, admins, createKey, async ({ body, admin }) => {
    const role = body.role ?? (body.kind === "admin" ? "auditor" : "app");
    if (body.kind === "admin" && !managementRoleSchema.safeParse(role).success) {
      throw new RampartError(
        "invalid_request",
        "role of an admin key must be admin, security, auditor or owner",
        {
          details: { param: "role" },
        },
      );
    }
    const { record, key } = await issueApiKey(keys, {
      name: body.name,
      kind: body.kind,
      role,
      app: body.app ?? null,
      team: body.team ?? null,
      models: body.models ?? [],
      clearance: body.clearance,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
    });
    await recordChange({
      actor: actorOf(admin),
      action: "key.create",
      target: { kind: "api-key", id: record.id },
      changes: {
        kind: record.kind,
        role: record.role,
        app: record.app,
        team: record.team,
        models: record.models,
      },
    });
    return { ...keyView(record), key };
  });

  route(app, admins, revokeKey, async ({ params, admin }) => {
    // either scope will do, which the contract's single scope cannot say
    if (!revokeKeyScopes.some((scope) => roleCan(admin.role, scope)))
      throw new RampartError(
        "forbidden",
        `this action needs the ${revokeKeyScopes.join(" or ")} scope; role '${admin.role}' does not have it`,
      );
    const { id } = params;
    if ((await keys.findById(id)) === undefined) throw new RampartError("not_found", `no key with id ${id}`);
    const changed = await keys.revoke(id);
    gateway.invalidate();
    admins.invalidate();
    if (changed)
      await recordChange({
        actor: actorOf(admin),
        action: "key.revoke",
        target: { kind: "api-key", id },
      });
    return { id, revoked: true as const, changed };
  });
}
