import type { Endpoint, EndpointResponse } from "@core/api/contract";
import type { AcceptableUseRule, RaciChart } from "@core/api/governance";
import { governanceApi } from "@core/api/governance";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "@/lib/api-client";
import type { AssetKind } from "../lib/asset-kinds";
import { governanceKeys } from "./queries";

const api = governanceApi;

const assetEndpoints = {
  models: api.models,
  datasets: api.datasets,
  applications: api.applications,
  "system-prompts": api.systemPrompts,
  vendors: api.vendors,
  tools: api.tools,
} as const;

type Body = Record<string, unknown>;
// every kind's endpoints share one shape; the body was checked with that kind's schema by the form
const send = (endpoint: Endpoint, request: { params?: { id: string }; body?: Body }) =>
  call(endpoint, request as never) as Promise<unknown>;

async function sha256Hex(text: string): Promise<string> {
  if (globalThis.crypto?.subtle === undefined)
    throw new Error(
      "the browser computes a system prompt's SHA-256 only on a secure page: open the dashboard over https or on localhost",
    );
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Creates (no `id`) or replaces an asset; a system prompt is sent with the SHA-256 of its text. */
export function useSaveAsset(kind: AssetKind, id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (record: Body) => {
      const body =
        kind === "system-prompts"
          ? { ...record, sha256: await sha256Hex(String(record.text ?? "")) }
          : record;
      const endpoints = assetEndpoints[kind];
      await (id === undefined
        ? send(endpoints.create, { body })
        : send(endpoints.replace, { params: { id }, body }));
      return String(body.id);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.assets() }),
  });
}

export function useDeleteAsset(kind: AssetKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send(assetEndpoints[kind].remove, { params: { id } }),
    onSuccess: (_answer, id) => {
      queryClient.removeQueries({ queryKey: governanceKeys.asset(kind, id) });
      return queryClient.invalidateQueries({ queryKey: governanceKeys.assets() });
    },
  });
}

export function useSaveRisk(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id === undefined ? send(api.risks.create, { body }) : send(api.risks.replace, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.risks() }),
  });
}

export function useDeleteRisk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.risks.remove, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.risks() }),
  });
}

export function useSavePolicy(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id === undefined
        ? send(api.policies.create, { body })
        : send(api.policies.replace, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.policies() }),
  });
}

export function useSaveDataClass(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id === undefined
        ? send(api.dataClasses.create, { body })
        : send(api.dataClasses.replace, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.dataClasses() }),
  });
}

/** Approves a policy: the server records the signed-in admin as approver, today as the date. */
export function useApprovePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.policyApprove, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.policies() }),
  });
}

export type RaciValidation = EndpointResponse<typeof api.raciValidate>;

/** The server's dry run refused the chart: nothing was stored. */
export class RaciRefusedError extends Error {
  constructor(readonly validation: RaciValidation) {
    super(
      `The server found ${validation.issues.length === 1 ? "a problem" : `${validation.issues.length} problems`}: ${validation.issues
        .map((issue) => `${issue.activity} ${issue.message}`)
        .join("; ")}`,
    );
    this.name = "RaciRefusedError";
  }
}

/** Saves the chart after the server's validate dry run agrees with it. */
export function useSaveRaci() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (chart: RaciChart) => {
      const validation = await call(api.raciValidate, { body: chart });
      if (!validation.valid) throw new RaciRefusedError(validation);
      return call(api.raciReplace, { body: chart });
    },
    onSuccess: (view) => queryClient.setQueryData(governanceKeys.raci(), view),
  });
}

export function useSaveAcceptableUse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: AcceptableUseRule[]) => call(api.acceptableUseReplace, { body: { rules } }),
    onSuccess: (view) => {
      queryClient.setQueryData(governanceKeys.acceptableUse(), view);
    },
  });
}

/** Writes the stored matrix into the gateway's policy file and reloads it (policy:write). */
export function useApplyAcceptableUse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.acceptableUseApply),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.acceptableUse() }),
  });
}

export function useRunAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.auditRun, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.audits() }),
  });
}

export function useSaveTrainingModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => send(api.trainingModules.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.training() }),
  });
}

export function useSaveAudit(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id === undefined
        ? send(api.audits.create, { body })
        : send(api.audits.replace, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.audits() }),
  });
}

export function useRecordCompletion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (completion: { person: string; module: string; at: string }) =>
      call(api.trainingCompletionAdd, { body: completion }),
    onSuccess: (view) => queryClient.setQueryData(governanceKeys.training(), view),
  });
}

export function useAssignPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ person, role }: { person: string; role: string }) =>
      call(api.trainingPersonPut, { params: { person }, body: { role } }),
    onSuccess: (view) => queryClient.setQueryData(governanceKeys.training(), view),
  });
}

/** Imports AIID's incidents.csv; the answer is the whole imported list with inventory matches. */
export function useImportAiid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => call(api.aiidImport, { body: { csv } }),
    onSuccess: (result) => queryClient.setQueryData(governanceKeys.aiid(), { data: result.data }),
  });
}
