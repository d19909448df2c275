import type { EndpointRequest } from "@core/api/contract";
import { liftContainment, runContainment, updateIncident } from "@core/api/incidents";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { keyQueryKeys } from "@/features/settings";
import { call } from "@/lib/api-client";
import { incidentKeys } from "./queries";

type UpdateBody = NonNullable<EndpointRequest<typeof updateIncident>["body"]>;
type ContainmentBody = NonNullable<EndpointRequest<typeof runContainment>["body"]>;

/** A status move, a step tick or any other incident change; refreshes the incident and the lists. */
export function useUpdateIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBody) => call(updateIncident, { params: { id }, body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: incidentKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: incidentKeys.report(id) }),
      ]);
    },
  });
}

/** Runs a containment action for the incident; a revoked key also changes the key list. */
export function useRunContainment(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ContainmentBody, "incidentId">) =>
      call(runContainment, { body: { ...body, incidentId } }),
    onSuccess: async (_record, body) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
        queryClient.invalidateQueries({ queryKey: incidentKeys.report(incidentId) }),
        body.action === "revoke-key"
          ? queryClient.invalidateQueries({ queryKey: keyQueryKeys.all })
          : undefined,
      ]);
    },
  });
}

export function useLiftContainment(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (containmentId: string) => call(liftContainment, { params: { id: containmentId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
  });
}
