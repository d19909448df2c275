import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ManagementChange } from "../../audit/index.js";
import { managementRoleSchema, RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import {
  type ApiKeyRecord,
  type ApiKeyRepository,
  apiKeyStatus,
  dataClassSchema,
  issueApiKey,
} from "../../store/index.js";
import { requireScope } from "./management-auth.js";

const createKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["gateway", "admin"]).default("gateway"),
  role: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/)
    .optional(),
  app: z.string().min(1).max(200).nullable().optional(),
  team: z.string().min(1).max(200).nullable().optional(),
  models: z.array(z.string().min(1).max(200)).max(200).optional(),
  clearance: dataClassSchema.optional(),
  expiresAt: z.iso.datetime().nullable().optional(),
});

export function keyView(record: ApiKeyRecord) {
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

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".") ?? "";
  throw new RampartError(
    "invalid_request",
    `${path === "" ? "body" : path}: ${issue?.message ?? "invalid"}`,
    {
      details: { param: path },
    },
  );
}

/** /api/v1/keys: list, create (the key is in the answer once), revoke. */
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
  const actorOf = (request: FastifyRequest) =>
    request.admin === undefined
      ? null
      : { kind: "admin" as const, id: request.admin.keyId, role: request.admin.role };

  app.get("/api/v1/keys", { preHandler: requireScope(admins, "keys:read") }, async (request) => {
    const query = parse(z.looseObject({ all: z.enum(["true", "false"]).optional() }), request.query);
    const records = await keys.list({ includeRevoked: query.all === "true" });
    return { data: records.map(keyView) };
  });

  app.post("/api/v1/keys", { preHandler: requireScope(admins, "keys:write") }, async (request, reply) => {
    const body = parse(createKeyBodySchema, request.body);
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
      actor: actorOf(request),
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
    return reply.status(201).send({ ...keyView(record), key });
  });

  app.post(
    "/api/v1/keys/:id/revoke",
    { preHandler: requireScope(admins, "keys:write", "containment:execute") },
    async (request) => {
      const { id } = parse(z.object({ id: z.string().min(1) }), request.params);
      if ((await keys.findById(id)) === undefined)
        throw new RampartError("not_found", `no key with id ${id}`);
      const changed = await keys.revoke(id);
      gateway.invalidate();
      admins.invalidate();
      if (changed)
        await recordChange({
          actor: actorOf(request),
          action: "key.revoke",
          target: { kind: "api-key", id },
        });
      return { id, revoked: true, changed };
    },
  );
}
