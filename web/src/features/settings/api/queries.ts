import { listKeys } from "@core/api/keys";
import { getEffectivePolicy } from "@core/api/policy";
import { listUpstreams } from "@core/api/settings";
import { queryOptions } from "@tanstack/react-query";
import { call } from "@/lib/api-client";

/** Query keys: ['keys', ...] for API keys, ['settings', ...] for upstreams and the policy. */
export const keyQueryKeys = {
  all: ["keys"] as const,
  list: () => ["keys", "list", { all: true }] as const,
};

/** Every key, revoked ones included (never a key itself: the list has prefixes only). */
export const keyListQuery = () =>
  queryOptions({
    queryKey: keyQueryKeys.list(),
    queryFn: async () => (await call(listKeys, { query: { all: "true" } })).data,
  });

export const upstreamsQuery = () =>
  queryOptions({
    queryKey: ["settings", "upstreams"] as const,
    queryFn: async () => (await call(listUpstreams)).data,
  });

export const effectivePolicyQuery = () =>
  queryOptions({
    queryKey: ["settings", "policy"] as const,
    queryFn: async () => (await call(getEffectivePolicy)).policy,
  });
