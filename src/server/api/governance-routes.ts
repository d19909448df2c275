import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { RampartError } from "../../core/index.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import { applyGovernance, readGovernance } from "../../govern/as-code/apply-governance.js";
import { checkGovernance } from "../../govern/as-code/check-governance.js";
import { governanceSchema } from "../../govern/records/governance-schema.js";
import { renderRaciCsv, validateRaci } from "../../govern/records/raci.js";
import { heatMap, inherentScore, residualScore, scoreBand } from "../../govern/records/risk-score.js";
import { organisationDuties, responsibilityFor } from "../../govern/records/shared-responsibility.js";
import type { GovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import { requireScope } from "./management-auth.js";

export interface GovernanceRoutesDependencies {
  readonly admins: Authenticator;
  readonly governanceRecords: GovernanceRecordRepository;
}

const dryRunQuerySchema = z.looseObject({ dryRun: z.enum(["true", "false"]).optional() });

/**
 * /api/v1/governance: the records (read: governance:read; apply: governance:write). The body of a
 * PUT is the whole governance document, as `rampart govern apply` loads it from the folder.
 */
export async function governanceRoutes(
  app: FastifyInstance,
  deps: GovernanceRoutesDependencies,
): Promise<void> {
  const read = { preHandler: requireScope(deps.admins, "governance:read") };
  const write = { preHandler: requireScope(deps.admins, "governance:write") };
  const records = deps.governanceRecords;

  app.get("/api/v1/governance", read, async () => readGovernance(records));

  app.put("/api/v1/governance", write, async (request) => {
    const parsed = governanceSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const param = issue?.path.join(".") ?? "";
      throw new RampartError("invalid_request", `${param}: ${issue?.message ?? "invalid"}`, {
        details: { param },
      });
    }
    const problems = checkGovernance(parsed.data);
    if (problems.length > 0) {
      const first = problems[0];
      throw new RampartError("invalid_request", `${first?.file}: ${first?.path}: ${first?.message}`, {
        details: { param: first?.path ?? "" },
      });
    }
    const query = dryRunQuerySchema.parse(request.query ?? {});
    const changes = await applyGovernance(records, parsed.data, { dryRun: query.dryRun === "true" });
    return { dryRun: query.dryRun === "true", changes };
  });

  app.get("/api/v1/governance/raci", read, async (request, reply) => {
    const { raci } = await readGovernance(records);
    const format = z
      .looseObject({ format: z.enum(["json", "csv"]).default("json") })
      .parse(request.query ?? {});
    if (format.format === "csv") return reply.type("text/csv; charset=utf-8").send(renderRaciCsv(raci));
    return { chart: raci, issues: validateRaci(raci) };
  });

  app.get("/api/v1/governance/risks", read, async () => {
    const { risks } = await readGovernance(records);
    return {
      data: risks.map((risk) => ({
        ...risk,
        inherent: inherentScore(risk),
        residual: residualScore(risk),
        band: scoreBand(residualScore(risk)),
      })),
      heatMap: heatMap(risks),
    };
  });

  app.get("/api/v1/governance/assets", read, async () => {
    const { assets } = await readGovernance(records);
    return {
      ...assets,
      models: assets.models.map((model) => ({
        ...model,
        effectiveResponsibility: responsibilityFor(model),
        organisationDuties: organisationDuties(model),
      })),
    };
  });
}
