import { type Attestation, governanceApi } from "@core/api/governance";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "@/lib/api-client";
import { complianceKeys } from "./queries";

export const attestationsKey = ["governance", "attestations"] as const;

export const attestationsQuery = () =>
  queryOptions({
    queryKey: attestationsKey,
    queryFn: async () => (await call(governanceApi.attestations)).data,
  });

/** What to do with a requirement's attestation: record a new one (replacing any earlier) or withdraw it. */
export type AttestationChange =
  | {
      readonly kind: "record";
      readonly framework: string;
      readonly requirement: string;
      readonly status: Attestation["status"];
      readonly by: string;
      readonly note: string;
    }
  | { readonly kind: "withdraw"; readonly framework: string; readonly requirement: string };

/** The register's attestations after a change: one per framework and requirement at most. */
export function applyAttestationChange(
  current: readonly Attestation[],
  change: AttestationChange,
  now: Date,
): Attestation[] {
  const others = current.filter(
    (item) => !(item.framework === change.framework && item.requirement === change.requirement),
  );
  if (change.kind === "withdraw") return others;
  return [
    ...others,
    {
      framework: change.framework,
      requirement: change.requirement,
      status: change.status,
      by: change.by,
      at: now.toISOString(),
      note: change.note,
    },
  ];
}

/**
 * Records or withdraws an attestation: reads the register's list, changes the one entry and puts the
 * list back (the API replaces the list as a whole); the compliance reports are computed again.
 */
export function useChangeAttestation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: AttestationChange) => {
      const current = await queryClient.fetchQuery({ ...attestationsQuery(), staleTime: 0 });
      const data = applyAttestationChange(current, change, new Date());
      return (await call(governanceApi.attestationsReplace, { body: { data } })).data;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(attestationsKey, data);
      return queryClient.invalidateQueries({ queryKey: complianceKeys.all });
    },
  });
}
