import type { Scope } from "@core/roles";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/api-client";
import { ErrorState } from "./error-state";
import { ForbiddenState } from "./forbidden-state";
import { LoadingState } from "./loading-state";

/**
 * Renders one query's four states: loading (skeleton), error (with retry), forbidden (names the
 * scope), and the data. Emptiness is the caller's, since only it knows what "empty" means.
 */
export function QueryView<T>({
  query,
  scope,
  rows,
  children,
}: {
  query: UseQueryResult<T>;
  scope?: Scope;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState rows={rows ?? 4} />;
  if (query.isError) {
    if (scope && query.error instanceof ApiError && query.error.status === 403)
      return <ForbiddenState scope={scope} />;
    return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
