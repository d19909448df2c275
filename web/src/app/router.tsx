import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { LoadingState } from "@/components/states/loading-state";
import { routeTree } from "@/route-tree.gen";

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    // a page whose data takes longer than 200 ms shows its skeleton (the default waits a second)
    defaultPendingMs: 200,
    defaultPendingMinMs: 200,
    scrollRestoration: true,
    defaultPendingComponent: () => <LoadingState rows={6} label="Loading the page" />,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
