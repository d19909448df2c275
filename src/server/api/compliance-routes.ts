import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { create as createTar } from "tar";
import { z } from "zod";
import { type AuditTrail, type ManagementChange, signingKeyPathFor } from "../../audit/index.js";
import { loadOrCreateSigningKey, loadSigningKey, parsePublicKey } from "../../audit/signing-key.js";
import type { LoadedConfig } from "../../config/index.js";
import {
  complianceFrameworkReport,
  compliancePackBodySchema,
  compliancePackDownload,
  complianceReportDownload,
  complianceSummary,
} from "../../core/api/compliance.js";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import { storeGovernanceRecordsSource } from "../../govern/as-code/store-records-source.js";
import { type Framework, listFrameworks, loadControls, loadFramework } from "../../govern/catalog/index.js";
import {
  type AuditChainSource,
  auditChainVerifier,
  auditGatewayStats,
  buildComplianceReport,
  buildEvidencePack,
  type EvidenceSources,
  findRunReports,
  type RedTeamRunSource,
  redTeamStoreSource,
  renderComplianceHtml,
  renderComplianceMarkdown,
} from "../../govern/compliance/index.js";
import { loadPolicyFromConfig } from "../../policy/index.js";
import type { Store } from "../../store/index.js";
import { createGovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { createRedteamRunRepository } from "../../store/repositories/redteam-run-repository.js";
import { route } from "./contract-route.js";
import { requireScope } from "./management-auth.js";

export interface ComplianceRoutesDependencies {
  readonly admins: Authenticator;
  readonly loaded: LoadedConfig;
  readonly store: Store;
  /** the audit trail: gateway statistics, chain verification, the pack's export and signing key */
  readonly audit: Pick<AuditTrail, "repository" | "publicKey">;
  readonly recordChange: (change: ManagementChange) => Promise<unknown>;
  /** the red-team run directories of runs started through the API; their report.json go into packs */
  readonly runsDirectory: string;
  /** where packs are built before they are sent (default the OS temp folder) */
  readonly tempDirectory?: string;
  readonly now?: () => Date;
}

/** The pack key's file in the configuration folder, used when the audit trail has no key (as `comply pack`). */
const PACK_KEY_FILE = "rampart-pack-signing-key.pem";
/** The newest red-team reports copied into a pack. */
const PACK_RUN_REPORTS = 20;

const contentTypes = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

function invalid(param: string, message: string): RampartError {
  return new RampartError("invalid_request", message, { details: { param } });
}

/** One verification per report set: the six frameworks of a summary share it. */
function onceVerified(source: AuditChainSource): AuditChainSource {
  let pending: ReturnType<AuditChainSource["verify"]> | undefined;
  return { verify: () => (pending ??= source.verify()) };
}

function onceRuns(source: RedTeamRunSource): RedTeamRunSource {
  let pending: ReturnType<RedTeamRunSource["recentRuns"]> | undefined;
  return { recentRuns: () => (pending ??= source.recentRuns()) };
}

/**
 * /api/v1/compliance: the posture per framework from live evidence (governance:read), one
 * framework's report as JSON or as a download (HTML, Markdown, JSON), and the signed evidence pack
 * as a .tar.gz (governance:read and audit:read). Evidence is what `rampart comply` reads, taken from
 * this server: the configuration and policy, the audit trail (gateway statistics, chain
 * verification), red-team runs in the store and the governance records in the store.
 */
export async function complianceRoutes(
  app: FastifyInstance,
  deps: ComplianceRoutesDependencies,
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  let packing = false;

  /** Fresh sources per request (the policy file is read again); one audit scan and verification per request. */
  function sources(): EvidenceSources {
    const repository = deps.audit.repository;
    return {
      config: deps.loaded,
      policy: loadPolicyFromConfig(deps.loaded),
      gateway: auditGatewayStats(repository, now),
      auditChain: onceVerified(auditChainVerifier(repository, parsePublicKey(deps.audit.publicKey), now)),
      redteam: onceRuns(redTeamStoreSource(createRedteamRunRepository(deps.store.db))),
      records: storeGovernanceRecordsSource(createGovernanceRecordRepository(deps.store.db), now),
      now,
    };
  }

  function frameworkIds(): string[] {
    return [...new Set(listFrameworks().map((entry) => entry.id))];
  }

  function framework(id: string, version?: string): Framework {
    const known = listFrameworks().filter((entry) => entry.id === id);
    if (known.length === 0)
      throw new RampartError("not_found", `no framework '${id}' (known: ${frameworkIds().join(", ")})`);
    if (version !== undefined && !known.some((entry) => entry.version === version)) {
      throw new RampartError(
        "not_found",
        `framework '${id}' has no version '${version}' (known: ${known.map((entry) => entry.version).join(", ")})`,
      );
    }
    return loadFramework(id, version === undefined ? {} : { version });
  }

  route(app, deps.admins, complianceSummary, async () => {
    const shared = sources();
    const controls = loadControls();
    const data = [];
    for (const id of frameworkIds()) {
      const report = await buildComplianceReport(framework(id), controls, shared);
      data.push({
        framework: report.framework,
        version: report.version,
        name: report.name,
        score: report.score,
        counts: report.counts,
        requirements: report.requirements.length,
      });
    }
    return { generatedAt: now().toISOString(), data };
  });

  route(app, deps.admins, complianceFrameworkReport, async ({ params, query }) =>
    buildComplianceReport(framework(params.framework, query.version), loadControls(), sources()),
  );

  const downloadQuerySchema = z.object({
    format: z.enum(complianceReportDownload.formats).default("html"),
    version: z.string().min(1).max(40).optional(),
  });
  app.get(
    complianceReportDownload.path,
    { preHandler: requireScope(deps.admins, complianceReportDownload.scope) },
    async (request, reply) => {
      const id = z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
        .safeParse((request.params as { framework?: unknown }).framework);
      if (!id.success) throw invalid("framework", "framework: must be a framework id");
      const query = downloadQuerySchema.safeParse(request.query ?? {});
      if (!query.success)
        throw invalid("format", `format: must be one of ${complianceReportDownload.formats.join(", ")}`);
      const report = await buildComplianceReport(
        framework(id.data, query.data.version),
        loadControls(),
        sources(),
      );
      const format = query.data.format;
      const text =
        format === "json"
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === "md"
            ? renderComplianceMarkdown(report)
            : renderComplianceHtml(report);
      return reply
        .type(contentTypes[format])
        .header(
          "content-disposition",
          `attachment; filename="${report.framework}-${report.version}-compliance.${format}"`,
        )
        .send(text);
    },
  );

  const actorOf = (request: FastifyRequest) =>
    request.admin === undefined
      ? null
      : { kind: "admin" as const, id: request.admin.keyId, role: request.admin.role };

  app.post(
    compliancePackDownload.path,
    {
      // both scopes: the pack carries the compliance reports and the audit trail's export
      preHandler: [requireScope(deps.admins, "governance:read"), requireScope(deps.admins, "audit:read")],
    },
    async (request, reply) => {
      const parsed = compliancePackBodySchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const param = issue?.path.join(".") ?? "";
        throw invalid(param, `${param === "" ? "body" : param}: ${issue?.message ?? "invalid"}`);
      }
      const ids = parsed.data.frameworks ?? frameworkIds();
      for (const id of ids)
        if (!frameworkIds().includes(id)) throw invalid("frameworks", `frameworks: no framework '${id}'`);
      if (packing) {
        throw new RampartError("rate_limited", "an evidence pack is being built; try again when it is done", {
          details: { retryAfterSeconds: 10 },
        });
      }
      packing = true;
      const temp = mkdtempSync(join(deps.tempDirectory ?? tmpdir(), "rampart-pack-"));
      const cleanup = () => rmSync(temp, { recursive: true, force: true });
      try {
        const stamp = now()
          .toISOString()
          .replaceAll(":", "")
          .replace(/\.\d+Z$/, "Z");
        const name = `rampart-evidence-pack-${stamp}`;
        const auditKey = loadSigningKey(signingKeyPathFor(deps.store, deps.loaded.baseDir));
        const signingKey = auditKey ?? loadOrCreateSigningKey(join(deps.loaded.baseDir, PACK_KEY_FILE), {});
        const runReports = findRunReports([deps.runsDirectory])
          .map((file) => ({ file, mtime: statSync(file).mtimeMs }))
          .sort((a, b) => b.mtime - a.mtime)
          .slice(0, PACK_RUN_REPORTS)
          .map((entry) => entry.file);
        const manifest = await buildEvidencePack({
          directory: join(temp, name),
          frameworks: ids.map((id) => framework(id)),
          controls: loadControls(),
          sources: sources(),
          audit: { repository: deps.audit.repository, key: auditKey },
          runReports,
          signingKey,
          keySource: auditKey === undefined ? "pack" : "audit",
        });
        const archive = join(temp, `${name}.tar.gz`);
        await createTar({ gzip: true, file: archive, cwd: temp, portable: true }, [name]);
        await deps.recordChange({
          actor: actorOf(request),
          action: "compliance.pack",
          target: { kind: "evidence-pack", id: name },
          changes: {
            frameworks: ids,
            files: manifest.files.length,
            keyId: manifest.keyId,
            keySource: manifest.keySource,
            notAvailable: manifest.notAvailable.map((item) => item.part),
          },
        });
        const stream = createReadStream(archive);
        reply.raw.once("close", () => {
          stream.destroy();
          cleanup();
        });
        packing = false;
        return reply
          .type("application/gzip")
          .header("content-disposition", `attachment; filename="${name}.tar.gz"`)
          .header("x-rampart-pack-key-id", manifest.keyId)
          .send(stream);
      } catch (error) {
        packing = false;
        cleanup();
        throw error;
      }
    },
  );
}
