import type { Command } from "commander";
import type { CommandRecorder } from "../audit/command-recorder.js";
import { managementRoleSchema, managementRoles, RampartError, roleCan } from "../core/index.js";
import {
  art73Clock,
  createIncidentService,
  createStoreContainmentPort,
  executeContainment,
  incidentReportHtml,
  incidentReportMarkdown,
  loadPlaybooks,
} from "../govern/incidents/index.js";
import { createApiKeyRepository, type Store } from "../store/index.js";
import { createAlertRepository } from "../store/repositories/alert-repository.js";
import {
  type ContainmentRecord,
  containmentActionSchema,
  containmentActions,
  createContainmentRepository,
} from "../store/repositories/incident-containment-repository.js";
import {
  createIncidentRepository,
  type IncidentRecord,
  incidentSeveritySchema,
  incidentStatusSchema,
  seriousKindSchema,
} from "../store/repositories/incident-repository.js";
import type { CliContext } from "./program.js";
import { cliActor, withRecordedChanges } from "./recorded-changes.js";
import { withMigratedStore } from "./store-access.js";

interface CommonFlags {
  config?: string;
  json?: boolean;
  actor?: string;
}

function option<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: string | undefined,
  flag: string,
  allowed: string,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RampartError("usage", `${flag} must be ${allowed}, got '${value}'`);
  return parsed.data;
}

const SEVERITIES = "low, medium, high or critical";
const SERIOUS = "general, death, widespread-infringement, critical-infrastructure or none";

function serious(value: string | undefined) {
  if (value === "none") return null;
  return option(seriousKindSchema, value, "--serious", SERIOUS);
}

/**
 * The actor (cliActor) is named in the incident's timeline too. The CLI works on the database
 * directly, so it acts as admin unless --role names another management role (containment then
 * follows the role's scopes and the playbook's roles).
 */
const ACTOR_FLAG = [
  "--actor <name>",
  "who is acting, recorded as cli:<name> in the timeline and the audit trail (default: the OS user)",
] as const;

function services(store: Store, recorder?: CommandRecorder) {
  const playbooks = loadPlaybooks();
  const incidents = createIncidentRepository(store.db);
  const containments = createContainmentRepository(store.db);
  return {
    playbooks,
    containments,
    service: createIncidentService({
      incidents,
      alerts: createAlertRepository(store.db),
      playbooks,
      audit: recorder,
    }),
    containment: {
      port: createStoreContainmentPort({ keys: createApiKeyRepository(store.db), containments }),
      incidents,
      playbooks,
      audit: recorder,
    },
  };
}

function containmentLine(record: ContainmentRecord): string {
  const parameters = Object.entries(record.parameters)
    .map(([key, value]) => ` ${key}=${value}`)
    .join("");
  return `${record.id}  ${record.action} ${record.target}${parameters}  incident ${record.incidentId ?? "-"}  by ${record.createdBy}`;
}

function parameter(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0) throw new RampartError("usage", `--param must be key=value, got '${value}'`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function line(record: IncidentRecord): string {
  const clock = art73Clock(record.serious, record.awareAt);
  const due = clock === undefined ? "" : `  Art.73 due ${clock.dueAt}${clock.overdue ? " OVERDUE" : ""}`;
  return `${record.id}  ${record.status.padEnd(9)} ${record.severity.padEnd(8)} ${record.playbook ?? "-"}  ${record.title}${due}`;
}

const list = (value: string, previous: string[] = []) => [...previous, value];

export function registerIncidentCommand(program: Command, context: CliContext): void {
  const incident = program.command("incident").description("create, list, show, update and close incidents");
  const print = (flags: CommonFlags, value: unknown, text: string) =>
    context.io.stdout(flags.json === true ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  incident
    .command("create")
    .description("open an incident by hand")
    .requiredOption("--title <title>", "what happened, in one line")
    .option("--description <text>", "details")
    .option("--severity <severity>", SEVERITIES)
    .option("--playbook <id>", "the playbook to follow (see catalog/playbooks)")
    .option("--serious <kind>", `a serious incident under EU AI Act Art. 73: ${SERIOUS}`)
    .option("--asset <id>", "an affected asset (repeatable)", list)
    .option("--risk <id>", "a related risk (repeatable)", list)
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (flags: CommonFlags & Record<string, string | string[] | undefined>) => {
      const text = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
      const actor = cliActor(flags);
      const record = await withRecordedChanges(context, flags.config, (store, recorder) =>
        services(store, recorder).service.create(
          {
            title: text("title") ?? "",
            description: text("description"),
            severity: option(incidentSeveritySchema, text("severity"), "--severity", SEVERITIES),
            playbook: text("playbook") ?? null,
            serious: serious(text("serious")),
            links: {
              assets: (flags.asset as string[] | undefined) ?? [],
              risks: (flags.risk as string[] | undefined) ?? [],
            },
          },
          actor,
        ),
      );
      print(flags, record, `opened ${line(record)}`);
    });

  incident
    .command("list")
    .description("list incidents, newest first")
    .option("--status <status>", "open, triaged, contained, resolved or closed")
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (flags: CommonFlags & { status?: string }) => {
      const status = option(
        incidentStatusSchema,
        flags.status,
        "--status",
        "open, triaged, contained, resolved or closed",
      );
      const records = await withMigratedStore(flags.config, (store) =>
        services(store).service.list(status === undefined ? {} : { status }),
      );
      print(flags, records, records.length === 0 ? "no incidents" : records.map(line).join("\n"));
    });

  incident
    .command("show <id>")
    .description("show an incident with its timeline, or its post-incident report")
    .option("--report <format>", "print the post-incident report: md or html")
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (id: string, flags: CommonFlags & { report?: string }) => {
      if (flags.report !== undefined && flags.report !== "md" && flags.report !== "html")
        throw new RampartError("usage", `--report must be md or html, got '${flags.report}'`);
      await withMigratedStore(flags.config, async (store) => {
        const { service, containments, playbooks } = services(store);
        const record = await service.get(id);
        const timeline = await service.timeline(id);
        const input = {
          incident: record,
          timeline,
          containments: await containments.listForIncident(id),
          playbook: record.playbook === null ? undefined : playbooks.get(record.playbook),
        };
        if (flags.report === "md") return context.io.stdout(incidentReportMarkdown(input));
        if (flags.report === "html") return context.io.stdout(incidentReportHtml(input));
        const entries = timeline.map(
          (entry) => `  ${entry.at.toISOString()}  ${entry.kind.padEnd(11)} ${entry.text}`,
        );
        print(
          flags,
          { ...record, art73: art73Clock(record.serious, record.awareAt) ?? null, timeline },
          [line(record), ...entries].join("\n"),
        );
      });
    });

  incident
    .command("update <id>")
    .description("move an incident through the workflow, change fields, add notes and links")
    .option("--status <status>", "the next status: open -> triaged -> contained -> resolved -> closed")
    .option("--severity <severity>", SEVERITIES)
    .option("--playbook <id>", "the playbook to follow")
    .option("--serious <kind>", SERIOUS)
    .option("--note <text>", "a timeline note")
    .option("--event <id>", "a linked audit event, node:seq (repeatable)", list)
    .option("--asset <id>", "an affected asset (repeatable)", list)
    .option("--risk <id>", "a related risk (repeatable)", list)
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (id: string, flags: CommonFlags & Record<string, string | string[] | undefined>) => {
      const text = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
      const ids = (name: string) => (flags[name] as string[] | undefined) ?? [];
      const actor = cliActor(flags);
      const record = await withRecordedChanges(context, flags.config, (store, recorder) =>
        services(store, recorder).service.update(
          id,
          {
            status: option(
              incidentStatusSchema,
              text("status"),
              "--status",
              "open, triaged, contained, resolved or closed",
            ),
            severity: option(incidentSeveritySchema, text("severity"), "--severity", SEVERITIES),
            playbook: text("playbook"),
            serious: serious(text("serious")),
            note: text("note"),
            addLinks: { events: ids("event"), assets: ids("asset"), risks: ids("risk") },
          },
          actor,
        ),
      );
      print(flags, record, `updated ${line(record)}`);
    });

  incident
    .command("close <id>")
    .description("close a resolved incident")
    .option("--note <text>", "a closing note")
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (id: string, flags: CommonFlags & { note?: string }) => {
      const actor = cliActor(flags);
      const record = await withRecordedChanges(context, flags.config, (store, recorder) =>
        services(store, recorder).service.close(id, actor, flags.note),
      );
      print(flags, record, `closed ${line(record)}`);
    });

  const ROLES = managementRoles.join(", ");
  const role = (value: string | undefined) =>
    option(managementRoleSchema, value ?? "admin", "--role", ROLES) ?? "admin";

  incident
    .command("contain")
    .description("run a containment action (audited; the gateway applies it on its next request)")
    .requiredOption("--action <action>", containmentActions.join(", "))
    .requiredOption(
      "--target <target>",
      "a key id or app:<name>; for raise-sensitivity also role:<name> or *; a model for route-to-fallback and disable-model",
    )
    .option("--incident <id>", "the incident this containment belongs to (its playbook's roles apply)")
    .option(
      "--param <key=value>",
      "a parameter (repeatable): fallback=MODEL for route-to-fallback; category=, level= for raise-sensitivity",
      parameter,
    )
    .option("--role <role>", `the management role to act as: ${ROLES} (default: admin)`)
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(
      async (
        flags: CommonFlags & {
          action: string;
          target: string;
          incident?: string;
          param?: Record<string, string>;
          role?: string;
        },
      ) => {
        const action = option(
          containmentActionSchema,
          flags.action,
          "--action",
          containmentActions.join(", "),
        );
        if (action === undefined) throw new RampartError("usage", "--action is required");
        const actor = { ...cliActor(flags), role: role(flags.role) };
        const record = await withRecordedChanges(context, flags.config, (store, recorder) =>
          executeContainment(services(store, recorder).containment, actor, {
            action,
            target: flags.target,
            incidentId: flags.incident ?? null,
            parameters: flags.param ?? {},
          }),
        );
        print(flags, record, `contained ${containmentLine(record)}`);
      },
    );

  incident
    .command("lift <containment-id>")
    .description("lift an active containment (audited)")
    .option("--role <role>", `the management role to act as: ${ROLES} (default: admin)`)
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (id: string, flags: CommonFlags & { role?: string }) => {
      const actor = { ...cliActor(flags), role: role(flags.role) };
      if (!roleCan(actor.role, "containment:execute")) {
        throw new RampartError(
          "forbidden",
          `lifting a containment needs the containment:execute scope; role '${actor.role}' does not have it`,
        );
      }
      await withRecordedChanges(context, flags.config, async (store, recorder) => {
        const lifted = await createContainmentRepository(store.db).lift(id);
        if (!lifted) throw new RampartError("not_found", `no active containment ${id}`);
        await recorder.recordManagement({
          actor,
          action: "containment.lift",
          target: { kind: "containment", id },
        });
      });
      print(flags, { id, lifted: true }, `lifted ${id}`);
    });

  incident
    .command("containments")
    .description("list the active containments")
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(async (flags: CommonFlags) => {
      const records = await withMigratedStore(flags.config, (store) =>
        createContainmentRepository(store.db).listActive(),
      );
      print(
        flags,
        records,
        records.length === 0 ? "no active containments" : records.map(containmentLine).join("\n"),
      );
    });
}
