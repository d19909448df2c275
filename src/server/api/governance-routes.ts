import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import {
  type AuditActor,
  type AuditTrail,
  type ManagementChange,
  parsePublicKey,
} from "../../audit/index.js";
import type { LoadedConfig } from "../../config/index.js";
import type { Endpoint } from "../../core/api/contract.js";
import { governanceApi } from "../../core/api/governance.js";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { PolicyGuard } from "../../gateway/policy-guard.js";
import type { Principal } from "../../gateway/principal.js";
import { importAiidIncidents, incidentsInvolvingInventory } from "../../govern/aiid/aiid-import.js";
import { writeAcceptableUseToPolicyFile } from "../../govern/as-code/acceptable-use-file.js";
import { createGovernanceEditor, type GovernanceEditor } from "../../govern/as-code/governance-editor.js";
import {
  acceptableUseCompilation,
  acceptableUseView,
  auditView,
  modelView,
  policyView,
  raciValidation,
  raciView,
  responsibilityOverview,
  riskList,
  riskView,
  trainingView,
} from "../../govern/as-code/governance-views.js";
import { type AuditSchedulerOptions, createAuditScheduler } from "../../govern/audits/audit-scheduler.js";
import { type AuditCheckService, createAuditCheckService } from "../../govern/audits/audit-service.js";
import { checkInputsFrom } from "../../govern/audits/check-inputs.js";
import type { Control } from "../../govern/catalog/catalog-schema.js";
import { loadControls } from "../../govern/catalog/index.js";
import { auditChainVerifier } from "../../govern/compliance/sources/audit-store-sources.js";
import type { RecordChange } from "../../govern/records/governance-records.js";
import type { Governance } from "../../govern/records/governance-schema.js";
import { renderRaciCsv } from "../../govern/records/raci.js";
import { aiidIncidentsOf, auditRunsOf, storeAiidIncidents } from "../../govern/records/runtime-records.js";
import { type AcceptableUseRule, loadPolicyFromConfig, type Policy } from "../../policy/index.js";
import { createApiKeyRepository, type Store } from "../../store/index.js";
import {
  createGovernanceRecordRepository,
  type GovernanceRecordRepository,
} from "../../store/repositories/govern-record-repository.js";
import { createRedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";
import { type EndpointCall, route } from "./contract-route.js";

export interface GovernanceRoutesDependencies {
  readonly admins: Authenticator;
  readonly governanceRecords: GovernanceRecordRepository;
  /** records a change in the audit trail, with its actor; resolves once committed */
  readonly recordChange: (change: ManagementChange) => Promise<unknown>;
  /** runs audit plans' automated checks; by default one whose inputs are all "not available" */
  readonly auditChecks?: AuditCheckService | undefined;
  /** the policy the gateway enforces (the acceptable-use diff, policy drift) */
  readonly runningPolicy?: (() => Policy | undefined) | undefined;
  /**
   * writes compiled acceptable-use rules into the running policy and reloads it; absent when the
   * policy is not a file the server can write (the apply endpoint then answers 400 saying so)
   */
  readonly applyAcceptableUse?:
    | ((rules: readonly AcceptableUseRule[]) => Promise<{ file: string; reloaded: boolean }>)
    | undefined;
  readonly controls?: ReadonlyMap<string, Control> | undefined;
  readonly now?: (() => Date) | undefined;
}

const actorOf = (admin: Principal): AuditActor => ({ kind: "admin", id: admin.keyId, role: admin.role });

/** One kind of record with an id, as a slice of the register. */
interface Section<T extends { id: string }> {
  /** the record kind named in errors and the audit trail */
  readonly kind: string;
  get(governance: Governance): readonly T[];
  set(governance: Governance, items: T[]): Governance;
}

const assets = <K extends keyof Governance["assets"]>(
  key: K,
  kind: string,
): Section<Governance["assets"][K][number]> => ({
  kind,
  get: (governance) => governance.assets[key],
  set: (governance, items) => ({ ...governance, assets: { ...governance.assets, [key]: items } }),
});

/**
 * /api/v1/governance: every record kind listed, read, created, replaced and deleted (reads:
 * governance:read; writes: governance:write), each write validated as a whole register like
 * `rampart govern apply` and recorded in the audit trail with its actor. Declared in
 * src/core/api/governance.ts.
 */
export async function governanceRoutes(
  app: FastifyInstance,
  deps: GovernanceRoutesDependencies,
): Promise<void> {
  const { admins } = deps;
  const repository = deps.governanceRecords;
  const editor: GovernanceEditor = createGovernanceEditor(repository);
  const now = deps.now ?? (() => new Date());
  const controls = deps.controls ?? loadControls();
  const checks =
    deps.auditChecks ?? createAuditCheckService({ records: repository, inputs: async () => ({}), now });
  const api = governanceApi;
  // the handlers' answers are checked against the response schema when they are serialised
  const on = (definition: Endpoint, handler: (call: EndpointCall<Endpoint>) => Promise<unknown>): void =>
    route(app, admins, definition, handler as never);

  async function record(
    admin: Principal,
    action: string,
    target: { kind: string; id: string },
    changes: readonly RecordChange[],
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (changes.length === 0 && Object.keys(extra).length === 0) return;
    await deps.recordChange({
      actor: actorOf(admin),
      action,
      target,
      changes: { records: changes.map((c) => `${c.change} ${c.kind} ${c.id}`), ...extra },
    });
  }

  const notFound = (kind: string, id: string) => new RampartError("not_found", `no ${kind} with id ${id}`);

  function registerSection<T extends { id: string }>(
    endpoints: { list?: Endpoint; get: Endpoint; create: Endpoint; replace: Endpoint; remove: Endpoint },
    section: Section<T>,
    view: (item: T, governance: Governance) => unknown | Promise<unknown>,
  ): void {
    const find = (governance: Governance, id: string): T => {
      const item = section.get(governance).find((candidate) => candidate.id === id);
      if (item === undefined) throw notFound(section.kind, id);
      return item;
    };
    if (endpoints.list !== undefined)
      on(endpoints.list, async () => {
        const governance = await editor.read();
        return { data: await Promise.all(section.get(governance).map((item) => view(item, governance))) };
      });
    on(endpoints.get, async ({ params }) => {
      const governance = await editor.read();
      return view(find(governance, (params as { id: string }).id), governance);
    });
    on(endpoints.create, async ({ body, admin }) => {
      const item = body as T;
      const { governance, changes } = await editor.update((current) => {
        if (section.get(current).some((candidate) => candidate.id === item.id))
          throw new RampartError(
            "invalid_request",
            `id: a ${section.kind} with id ${item.id} already exists`,
            {
              details: { param: "id" },
            },
          );
        return section.set(current, [...section.get(current), item]);
      });
      await record(admin, `governance.${section.kind}.create`, { kind: section.kind, id: item.id }, changes);
      return view(find(governance, item.id), governance);
    });
    on(endpoints.replace, async ({ params, body, admin }) => {
      const { id } = params as { id: string };
      const item = body as T;
      if (item.id !== id)
        throw new RampartError(
          "invalid_request",
          `id: the body's id ${item.id} differs from the path's ${id}`,
          {
            details: { param: "id" },
          },
        );
      const { governance, changes } = await editor.update((current) => {
        find(current, id);
        return section.set(
          current,
          section.get(current).map((candidate) => (candidate.id === id ? item : candidate)),
        );
      });
      await record(admin, `governance.${section.kind}.update`, { kind: section.kind, id }, changes);
      return view(find(governance, id), governance);
    });
    on(endpoints.remove, async ({ params, admin }) => {
      const { id } = params as { id: string };
      const { changes } = await editor.update((current) => {
        find(current, id);
        return section.set(
          current,
          section.get(current).filter((candidate) => candidate.id !== id),
        );
      });
      await record(admin, `governance.${section.kind}.delete`, { kind: section.kind, id }, changes);
      return { id, deleted: true };
    });
  }

  // ---- the whole register --------------------------------------------------------------------

  on(api.document, async () => editor.read());
  on(api.apply, async ({ body, query, admin }) => {
    const dryRun = (query as { dryRun?: boolean }).dryRun === true;
    const { changes } = await editor.replace(body as Governance, { dryRun });
    if (!dryRun) await record(admin, "governance.apply", { kind: "governance", id: "register" }, changes);
    return { dryRun, changes };
  });

  // ---- assets and shared responsibility ------------------------------------------------------

  on(api.assets, async () => {
    const { assets: all } = await editor.read();
    return { ...all, models: all.models.map((model) => modelView(model, controls)) };
  });
  registerSection(api.models, assets("models", "model"), (model) => modelView(model, controls));
  registerSection(api.datasets, assets("datasets", "dataset"), (item) => item);
  registerSection(api.applications, assets("applications", "application"), (item) => item);
  registerSection(api.systemPrompts, assets("systemPrompts", "system-prompt"), (item) => item);
  registerSection(api.vendors, assets("vendors", "vendor"), (item) => item);
  registerSection(api.tools, assets("tools", "tool"), (item) => item);
  on(api.responsibility, async () => responsibilityOverview((await editor.read()).assets.models, controls));

  // ---- RACI ----------------------------------------------------------------------------------

  on(api.raci, async ({ query, reply }) => {
    const { raci } = await editor.read();
    if ((query as { format: string }).format === "csv") {
      reply.type("text/csv; charset=utf-8");
      return renderRaciCsv(raci);
    }
    return raciView(raci);
  });
  on(api.raciValidate, async ({ body }) => raciValidation(body as Governance["raci"]));
  on(api.raciReplace, async ({ body, admin }) => {
    const { governance, changes } = await editor.update((current) => ({
      ...current,
      raci: body as Governance["raci"],
    }));
    await record(admin, "governance.raci.update", { kind: "raci", id: "chart" }, changes);
    return raciView(governance.raci);
  });
  on(api.raciActivityPut, async ({ params, body, admin }) => {
    const { activity } = params as { activity: string };
    const { governance, changes } = await editor.update((current) => ({
      ...current,
      raci: { ...current.raci, [activity]: body as Governance["raci"][string] },
    }));
    await record(admin, "governance.raci.update", { kind: "raci", id: activity }, changes);
    return raciView(governance.raci);
  });
  on(api.raciActivityDelete, async ({ params, admin }) => {
    const { activity } = params as { activity: string };
    const { governance, changes } = await editor.update((current) => {
      if (current.raci[activity] === undefined) throw notFound("RACI activity", activity);
      const { [activity]: _removed, ...rest } = current.raci;
      return { ...current, raci: rest };
    });
    await record(admin, "governance.raci.delete", { kind: "raci", id: activity }, changes);
    return raciView(governance.raci);
  });

  // ---- risks, policies, data classes ----------------------------------------------------------

  on(api.risks.list, async () => riskList((await editor.read()).risks));
  const { list: _riskList, ...riskEndpoints } = api.risks;
  registerSection(
    riskEndpoints,
    {
      kind: "risk",
      get: (governance) => governance.risks,
      set: (governance, items) => ({ ...governance, risks: items }),
    },
    (risk) => riskView(risk),
  );

  const policies: Section<Governance["policies"][number]> = {
    kind: "policy",
    get: (governance) => governance.policies,
    set: (governance, items) => ({ ...governance, policies: items }),
  };
  registerSection(api.policies, policies, (policy) => policyView(policy, now()));
  on(api.policyApprove, async ({ params, admin }) => {
    const { id } = params as { id: string };
    const today = now().toISOString().slice(0, 10);
    const { governance, changes } = await editor.update((current) => {
      const policy = current.policies.find((candidate) => candidate.id === id);
      if (policy === undefined) throw notFound("policy", id);
      if (policy.state === "retired")
        throw new RampartError(
          "invalid_request",
          `state: policy ${id} is retired; a retired policy is not approved`,
          {
            details: { param: "state" },
          },
        );
      const approved = { ...policy, state: "approved" as const, approver: admin.keyName, approvedAt: today };
      return policies.set(
        current,
        current.policies.map((candidate) => (candidate.id === id ? approved : candidate)),
      );
    });
    await record(admin, "governance.policy.approve", { kind: "policy", id }, changes, {
      approver: admin.keyName,
      approvedAt: today,
    });
    const policy = governance.policies.find((candidate) => candidate.id === id);
    if (policy === undefined) throw notFound("policy", id);
    return policyView(policy, now());
  });

  registerSection(
    api.dataClasses,
    {
      kind: "data-class",
      get: (governance) => governance.classification,
      set: (governance, items) => ({ ...governance, classification: items }),
    },
    (item) => item,
  );

  // ---- acceptable use ------------------------------------------------------------------------

  on(api.acceptableUse, async () => acceptableUseView(await editor.read()));
  on(api.acceptableUseReplace, async ({ body, admin }) => {
    const { rules } = body as { rules: Governance["acceptableUse"] };
    const { governance, changes } = await editor.update((current) => ({ ...current, acceptableUse: rules }));
    await record(
      admin,
      "governance.acceptable-use.update",
      { kind: "acceptable-use", id: "matrix" },
      changes,
    );
    return acceptableUseView(governance);
  });
  on(api.acceptableUseCompile, async ({ body }) => {
    const draft = body as {
      rules?: Governance["acceptableUse"];
      classification?: Governance["classification"];
    };
    const stored = await editor.read();
    return acceptableUseCompilation(
      {
        acceptableUse: draft.rules ?? stored.acceptableUse,
        classification: draft.classification ?? stored.classification,
      },
      deps.runningPolicy?.(),
    );
  });
  on(api.acceptableUseApply, async ({ admin }) => {
    const apply = deps.applyAcceptableUse;
    if (apply === undefined)
      throw new RampartError(
        "invalid_request",
        "the running policy is not a policy file this server can write (policy: in rampart.yaml is inline or absent); point policy: at a file, or use rampart govern compile-policy --out",
      );
    const compilation = acceptableUseCompilation(await editor.read(), deps.runningPolicy?.());
    const result = await apply(compilation.compiled);
    await deps.recordChange({
      actor: actorOf(admin),
      action: "policy.acceptable-use.apply",
      target: { kind: "policy", id: result.file },
      changes: {
        rules: compilation.compiled.length,
        added: compilation.added.length,
        removed: compilation.removed.length,
        reloaded: result.reloaded,
      },
    });
    return { ...compilation, ...result };
  });

  // ---- audits --------------------------------------------------------------------------------

  const audits: Section<Governance["audits"][number]> = {
    kind: "audit",
    get: (governance) => governance.audits,
    set: (governance, items) => ({ ...governance, audits: items }),
  };
  registerSection(api.audits, audits, async (plan) => auditView(plan, await repository.list(), now()));
  on(api.auditRun, async ({ params, admin }) => {
    const { id } = params as { id: string };
    return checks.run(id, { trigger: "manual", actor: actorOf(admin) });
  });
  on(api.auditRuns, async ({ params }) => {
    const { id } = params as { id: string };
    if (!(await editor.read()).audits.some((plan) => plan.id === id)) throw notFound("audit", id);
    return { data: auditRunsOf(await repository.list(), id) };
  });

  // ---- training ------------------------------------------------------------------------------

  const training = async () => trainingView((await editor.read()).training, await repository.list(), now());
  on(api.training, training);
  registerSection(
    api.trainingModules,
    {
      kind: "training-module",
      get: (governance) => governance.training.modules,
      set: (governance, items) => ({ ...governance, training: { ...governance.training, modules: items } }),
    },
    (item) => item,
  );
  on(api.trainingPersonPut, async ({ params, body, admin }) => {
    const { person } = params as { person: string };
    const { role } = body as { role: string };
    const { changes } = await editor.update((current) => ({
      ...current,
      training: { ...current.training, people: { ...current.training.people, [person]: role } },
    }));
    await record(
      admin,
      "governance.training-person.update",
      { kind: "training-person", id: person },
      changes,
    );
    return training();
  });
  on(api.trainingPersonDelete, async ({ params, admin }) => {
    const { person } = params as { person: string };
    const { changes } = await editor.update((current) => {
      if (current.training.people[person] === undefined) throw notFound("person", person);
      const { [person]: _removed, ...people } = current.training.people;
      return { ...current, training: { ...current.training, people } };
    });
    await record(
      admin,
      "governance.training-person.delete",
      { kind: "training-person", id: person },
      changes,
    );
    return training();
  });
  on(api.trainingCompletionAdd, async ({ body, admin }) => {
    const completion = body as Governance["training"]["completions"][number];
    const { changes } = await editor.update((current) => ({
      ...current,
      training: {
        ...current.training,
        completions: [
          ...current.training.completions.filter(
            (item) => item.person !== completion.person || item.module !== completion.module,
          ),
          completion,
        ],
      },
    }));
    await record(
      admin,
      "governance.training-completion.create",
      { kind: "training-completion", id: `${completion.person}/${completion.module}` },
      changes,
    );
    return training();
  });
  on(api.trainingCompletionDelete, async ({ params, admin }) => {
    const { person, module } = params as { person: string; module: string };
    const { changes } = await editor.update((current) => {
      const kept = current.training.completions.filter(
        (item) => item.person !== person || item.module !== module,
      );
      if (kept.length === current.training.completions.length)
        throw notFound("training completion", `${person}/${module}`);
      return { ...current, training: { ...current.training, completions: kept } };
    });
    await record(
      admin,
      "governance.training-completion.delete",
      { kind: "training-completion", id: `${person}/${module}` },
      changes,
    );
    return training();
  });

  // ---- attestations and the AI Incident Database ----------------------------------------------

  on(api.attestations, async () => ({ data: (await editor.read()).attestations }));
  on(api.attestationsReplace, async ({ body, admin }) => {
    const { data } = body as { data: Governance["attestations"] };
    const { governance, changes } = await editor.update((current) => ({ ...current, attestations: data }));
    await record(admin, "governance.attestations.update", { kind: "attestation", id: "all" }, changes);
    return { data: governance.attestations };
  });

  const aiidView = async () => {
    const governance = await editor.read();
    const incidents = aiidIncidentsOf(await repository.list());
    const matches = new Map(
      incidentsInvolvingInventory(incidents, governance).map((item) => [
        item.incident.incidentId,
        item.matches,
      ]),
    );
    return incidents.map((incident) => ({ ...incident, matches: matches.get(incident.incidentId) ?? [] }));
  };
  on(api.aiidIncidents, async () => ({ data: await aiidView() }));
  on(api.aiidImport, async ({ body, admin }) => {
    const incidents = importAiidIncidents((body as { csv: string }).csv);
    await storeAiidIncidents(repository, incidents);
    await deps.recordChange({
      actor: actorOf(admin),
      action: "governance.aiid.import",
      target: { kind: "aiid-incidents", id: "import" },
      changes: { imported: incidents.length },
    });
    return { imported: incidents.length, data: await aiidView() };
  });
}

export interface ServeGovernanceOptions {
  readonly admins: Authenticator;
  readonly store: Store;
  readonly trail: Pick<AuditTrail, "recordManagement" | "repository" | "publicKey">;
  readonly loaded: LoadedConfig;
  /** the gateway's guard when it enforces the configured policy (running policy, reload after apply) */
  readonly policyGuard?: PolicyGuard | undefined;
  readonly reloader?: { reload(): Promise<boolean> } | undefined;
  readonly logger: Logger;
  /** the audit scheduler's timing (tests); defaults: first look a minute after start, then hourly */
  readonly schedule?: Pick<AuditSchedulerOptions, "firstCheckMs" | "intervalMs" | "clock"> | undefined;
}

/**
 * Governance inside `rampart serve`: the routes, the automated audit checks over the store and the
 * running server (policy, red-team runs, audit chain, keys), and the scheduler that runs them when
 * due. The scheduler stops when the server closes (before the audit trail and the store).
 */
export async function serveGovernance(app: FastifyInstance, options: ServeGovernanceOptions): Promise<void> {
  const { loaded, logger, store, trail } = options;
  const records = createGovernanceRecordRepository(store.db);
  // the guard's policy; with a guard of its own (tests) the configured policy as it is on disk now
  const runningPolicy = (): Policy | undefined => {
    if (options.policyGuard !== undefined) return options.policyGuard.describe();
    try {
      return loadPolicyFromConfig(loaded);
    } catch (error) {
      logger.warn({ err: error }, "governance: the configured policy cannot be read");
      return undefined;
    }
  };
  const auditChecks = createAuditCheckService({
    records,
    inputs: checkInputsFrom({
      policy: runningPolicy,
      redteamRuns: createRedteamRunRepository(store.db),
      keys: createApiKeyRepository(store.db),
      auditChain: auditChainVerifier(trail.repository, parsePublicKey(trail.publicKey)),
    }),
    audit: trail,
  });
  const policyFile =
    typeof loaded.config.policy === "string" ? resolve(loaded.baseDir, loaded.config.policy) : undefined;
  await governanceRoutes(app, {
    admins: options.admins,
    governanceRecords: records,
    recordChange: (change) => trail.recordManagement(change),
    auditChecks,
    runningPolicy,
    applyAcceptableUse:
      policyFile === undefined
        ? undefined
        : async (rules) => {
            writeAcceptableUseToPolicyFile(policyFile, rules);
            return { file: policyFile, reloaded: (await options.reloader?.reload()) ?? false };
          },
  });
  const scheduler = createAuditScheduler({
    service: auditChecks,
    ...options.schedule,
    onError: (error) => logger.warn({ err: error }, "scheduled audit checks failed; will look again"),
    onRun: ({ run }) =>
      logger.info(
        {
          audit: run.audit,
          failed: run.results.filter((result) => result.passed === false).map((r) => r.check),
        },
        "scheduled audit checks ran",
      ),
  });
  scheduler.start();
  // preClose runs before the onClose hooks that close the audit trail and the store
  app.addHook("preClose", async () => {
    await scheduler.stop();
  });
}
