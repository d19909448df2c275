import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Link, Outlet } from "@tanstack/react-router";
import { Toaster } from "sonner";
import { ErrorState } from "@/components/states/error-state";

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <>
      <Outlet />
      <Toaster position="bottom-right" />
    </>
  ),
  errorComponent: ({ error, reset }) => (
    <main className="p-6">
      <ErrorState error={error} title="This page failed" retry={reset} />
    </main>
  ),
  notFoundComponent: () => (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm">
        <Link to="/" className="text-primary underline">
          Back to the overview
        </Link>
      </p>
    </main>
  ),
});
