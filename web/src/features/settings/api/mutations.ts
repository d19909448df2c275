import type { EndpointRequest, EndpointResponse } from "@core/api/contract";
import { createKey, revokeKey } from "@core/api/keys";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "@/lib/api-client";
import { keyQueryKeys } from "./queries";

export type CreateKeyInput = NonNullable<EndpointRequest<typeof createKey>["body"]>;
export type CreatedKey = EndpointResponse<typeof createKey>;

/**
 * Creates a key. Deliberately not a TanStack mutation: the answer carries the key itself, which must
 * never enter the query or mutation cache; it goes back to the caller, which shows it once. The key
 * list is refetched (it has the prefix only).
 */
export function useCreateKey() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const create = async (body: CreateKeyInput): Promise<CreatedKey | undefined> => {
    setPending(true);
    setError(null);
    try {
      const created = await call(createKey, { body });
      void queryClient.invalidateQueries({ queryKey: keyQueryKeys.all });
      return created;
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { create, pending, error, reset: () => setError(null) };
}

export function useRevokeKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(revokeKey, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyQueryKeys.all }),
  });
}
