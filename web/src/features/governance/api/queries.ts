import type { AcceptableUseRule } from "@core/api/governance";
import { governanceApi } from "@core/api/governance";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { call } from "@/lib/api-client";
import type { AssetKind } from "../lib/asset-kinds";

const api = governanceApi;

/** Hierarchical keys: ['governance'] covers every governance view. */
export const governanceKeys = {
  all: ["governance"] as const,
  assets: () => ["governance", "assets"] as const,
  asset: (kind: AssetKind, id: string) => ["governance", "assets", kind, id] as const,
  raci: () => ["governance", "raci"] as const,
  risks: () => ["governance", "risks"] as const,
  policies: () => ["governance", "policies"] as const,
  acceptableUse: () => ["governance", "acceptable-use"] as const,
  compile: (rules: readonly AcceptableUseRule[]) =>
    ["governance", "acceptable-use", "compile", rules] as const,
  audits: () => ["governance", "audits"] as const,
  training: () => ["governance", "training"] as const,
  aiid: () => ["governance", "aiid-incidents"] as const,
  dataClasses: () => ["governance", "data-classes"] as const,
};

export const assetsQuery = () =>
  queryOptions({ queryKey: governanceKeys.assets(), queryFn: () => call(api.assets) });

const assetGet = {
  models: api.models.get,
  datasets: api.datasets.get,
  applications: api.applications.get,
  "system-prompts": api.systemPrompts.get,
  vendors: api.vendors.get,
  tools: api.tools.get,
} as const;

/** One asset; a model comes with its shared-responsibility matrix and control duties. */
export const assetQuery = (kind: AssetKind, id: string) =>
  queryOptions({
    queryKey: governanceKeys.asset(kind, id),
    queryFn: async () =>
      kind === "models"
        ? { kind, model: await call(api.models.get, { params: { id } }) }
        : {
            kind,
            record: (await call(assetGet[kind], { params: { id } })) as Record<string, unknown> & {
              id: string;
            },
          },
  });

export const raciQuery = () =>
  queryOptions({
    queryKey: governanceKeys.raci(),
    queryFn: async () => {
      const answer = await call(api.raci, { query: { format: "json" } });
      if (typeof answer === "string") throw new Error("the RACI chart came back as CSV, not JSON");
      return answer;
    },
  });

export const riskListQuery = () =>
  queryOptions({ queryKey: governanceKeys.risks(), queryFn: () => call(api.risks.list) });

export const policiesQuery = () =>
  queryOptions({
    queryKey: governanceKeys.policies(),
    queryFn: async () => (await call(api.policies.list)).data,
  });

export const acceptableUseQuery = () =>
  queryOptions({ queryKey: governanceKeys.acceptableUse(), queryFn: () => call(api.acceptableUse) });

/**
 * The server's compile dry run for a matrix (saved or not): the gateway rules it compiles to and
 * the diff against the running policy. The browser never compiles the matrix itself.
 */
export const compileQuery = (rules: readonly AcceptableUseRule[]) =>
  queryOptions({
    queryKey: governanceKeys.compile(rules),
    queryFn: () => call(api.acceptableUseCompile, { body: { rules: [...rules] } }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const auditsQuery = () =>
  queryOptions({
    queryKey: governanceKeys.audits(),
    queryFn: async () => (await call(api.audits.list)).data,
  });

export const dataClassesQuery = () =>
  queryOptions({
    queryKey: governanceKeys.dataClasses(),
    queryFn: async () => (await call(api.dataClasses.list)).data,
  });

export const aiidQuery = () =>
  queryOptions({ queryKey: governanceKeys.aiid(), queryFn: () => call(api.aiidIncidents) });

export const trainingQuery = () =>
  queryOptions({ queryKey: governanceKeys.training(), queryFn: () => call(api.training) });
