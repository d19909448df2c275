import type { Session } from "@core/api/session";
import { type ManagementRole, roleScopes } from "@core/roles";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { setCsrfToken } from "@/lib/api-client";
import { sessionQuery } from "@/lib/session";

export function sessionFor(role: ManagementRole): Session {
  return {
    admin: { keyId: `key_${role}`, name: `${role} key`, role, scopes: [...roleScopes[role]] },
    csrfToken: "csrf-test-token",
    idleTimeoutSeconds: 1800,
  };
}

/**
 * Renders a component as the dashboard would: a fresh QueryClient without retries, a memory router
 * at `path`, and a signed-in session of `role`. Page components take their search and params as props,
 * so any path renders them.
 */
export async function renderWithApp(ui: ReactNode, options: { role?: ManagementRole; path?: string } = {}) {
  const role = options.role ?? "admin";
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
  queryClient.setQueryData(sessionQuery.queryKey, sessionFor(role));
  setCsrfToken("csrf-test-token");
  const rootRoute = createRootRoute({ component: () => <Outlet /> });
  const page = () => <div data-testid="page">{ui}</div>;
  const routeTree = rootRoute.addChildren([
    createRoute({ getParentRoute: () => rootRoute, path: "/", component: page }),
    createRoute({ getParentRoute: () => rootRoute, path: "$", component: page }),
  ]);
  const router = createRouter({
    routeTree,
    history: createMemoryHistory({ initialEntries: [options.path ?? "/"] }),
    context: { queryClient },
  });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await screen.findByTestId("page");
  return { ...result, queryClient, router, user };
}
