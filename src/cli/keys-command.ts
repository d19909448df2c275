import type { Command } from "commander";
import { RampartError } from "../core/index.js";
import { keyView } from "../server/api/keys-routes.js";
import { createApiKeyRepository, dataClassSchema, issueApiKey } from "../store/index.js";
import type { CliContext } from "./program.js";
import { ACTOR_FLAG, cliActor, withRecordedChanges } from "./recorded-changes.js";
import { withMigratedStore } from "./store-access.js";

interface CreateFlags {
  config?: string;
  name: string;
  role?: string;
  app?: string;
  team?: string;
  models?: string;
  clearance?: string;
  expires?: string;
  admin?: boolean;
  json?: boolean;
  actor?: string;
}

/** `30d`, `12h`, `90m` from now, or an ISO date. */
export function parseExpiry(text: string, now = new Date()): Date {
  const relative = /^(\d{1,5})([dhm])$/.exec(text.trim());
  if (relative) {
    const amount = Number(relative[1]);
    const unit = relative[2] === "d" ? 86_400_000 : relative[2] === "h" ? 3_600_000 : 60_000;
    return new Date(now.getTime() + amount * unit);
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new RampartError(
      "usage",
      `--expires must be a duration like 30d, 12h, 90m or a date like 2027-01-31, got '${text}'`,
    );
  }
  if (date.getTime() <= now.getTime()) throw new RampartError("usage", `--expires ${text} is in the past`);
  return date;
}

export function registerKeysCommand(program: Command, context: CliContext): void {
  const keys = program.command("keys").description("create, list and revoke Rampart API keys");

  keys
    .command("create")
    .description("create a key; the key is printed once and only its hash is stored")
    .requiredOption("--name <name>", "a name that says who uses the key")
    .option(
      "--role <role>",
      "the caller role the policy refers to (default: app; for --admin: admin, security, auditor or owner)",
    )
    .option("--app <app>", "the application the key belongs to")
    .option("--team <team>", "the team the key belongs to")
    .option(
      "--models <list>",
      "comma-separated models the key may call (patterns like llama-* allowed; default: all)",
    )
    .option(
      "--clearance <class>",
      "highest data class the caller may send: public, internal, confidential, restricted",
    )
    .option("--expires <when>", "expiry: a duration (30d, 12h) or a date (2027-01-31)")
    .option("--admin", "a management API key instead of a gateway key")
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON: {id, key, ...}")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .action(async (flags: CreateFlags) => {
      const kind = flags.admin === true ? "admin" : "gateway";
      const role = flags.role ?? (kind === "admin" ? "admin" : "app");
      if (kind === "admin" && !["admin", "security", "auditor", "owner"].includes(role)) {
        throw new RampartError(
          "usage",
          `--role for an admin key must be admin, security, auditor or owner, got '${role}'`,
        );
      }
      const clearance =
        flags.clearance === undefined ? undefined : dataClassSchema.safeParse(flags.clearance);
      if (clearance !== undefined && !clearance.success) {
        throw new RampartError(
          "usage",
          `--clearance must be public, internal, confidential or restricted, got '${flags.clearance}'`,
        );
      }
      const models =
        flags.models
          ?.split(",")
          .map((model) => model.trim())
          .filter((model) => model !== "") ?? [];
      const expiresAt = flags.expires === undefined ? null : parseExpiry(flags.expires);
      const actor = cliActor(flags);
      const { record, key } = await withRecordedChanges(context, flags.config, async (store, recorder) => {
        const issued = await issueApiKey(createApiKeyRepository(store.db), {
          name: flags.name,
          role,
          app: flags.app ?? null,
          team: flags.team ?? null,
          models,
          clearance: clearance?.data,
          kind,
          expiresAt,
        });
        // the same event as POST /api/v1/keys; never the key itself
        await recorder.recordManagement({
          actor,
          action: "key.create",
          target: { kind: "api-key", id: issued.record.id },
          changes: {
            kind: issued.record.kind,
            role: issued.record.role,
            app: issued.record.app,
            team: issued.record.team,
            models: issued.record.models,
          },
        });
        return issued;
      });
      if (flags.json === true) {
        context.io.stdout(`${JSON.stringify({ ...keyView(record), key })}\n`);
        return;
      }
      context.io.stdout(
        [
          `created ${record.kind} key ${record.id} (${record.name}, role ${record.role})`,
          `key: ${key}`,
          "Store it now: Rampart keeps only its hash and cannot show it again.",
          "",
        ].join("\n"),
      );
    });

  keys
    .command("list")
    .description("list keys (never the keys themselves: their prefix, owner and status)")
    .option("--all", "include revoked keys")
    .option("--json", "print JSON lines")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .action(async (flags: { config?: string; all?: boolean; json?: boolean }) => {
      const records = await withMigratedStore(flags.config, (store) =>
        createApiKeyRepository(store.db).list({ includeRevoked: flags.all === true }),
      );
      const views = records.map(keyView);
      if (flags.json === true) {
        context.io.stdout(views.map((view) => `${JSON.stringify(view)}\n`).join(""));
        return;
      }
      if (views.length === 0) {
        context.io.stdout("no keys yet: create one with `rampart keys create --name NAME`\n");
        return;
      }
      const rows = views.map((view) =>
        [view.id, `${view.prefix}…`, view.kind, view.role, view.app ?? "-", view.status, view.name].join(
          "  ",
        ),
      );
      context.io.stdout(`${["id  prefix  kind  role  app  status  name", ...rows].join("\n")}\n`);
    });

  keys
    .command("revoke <id>")
    .description("revoke a key; every gateway node refuses it within a second")
    .option(...ACTOR_FLAG)
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .action(async (id: string, flags: { config?: string; actor?: string }) => {
      const actor = cliActor(flags);
      const changed = await withRecordedChanges(context, flags.config, async (store, recorder) => {
        const repository = createApiKeyRepository(store.db);
        if ((await repository.findById(id)) === undefined) {
          throw new RampartError("usage", `no key with id ${id}; \`rampart keys list --all\` shows the ids`);
        }
        const revoked = await repository.revoke(id);
        // as POST /api/v1/keys/:id/revoke: a key that was already revoked is not a change
        if (revoked)
          await recorder.recordManagement({ actor, action: "key.revoke", target: { kind: "api-key", id } });
        return revoked;
      });
      context.io.stdout(changed ? `revoked ${id}\n` : `${id} was already revoked\n`);
    });
}
