import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client";

/** One place for query defaults: 30 s fresh, no retry on 4xx, two retries otherwise. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
