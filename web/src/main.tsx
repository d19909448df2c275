import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "@/app/query-client";
import { createAppRouter } from "@/app/router";
import { setUnauthorizedHandler } from "@/lib/api-client";
import { sessionQuery } from "@/lib/session";
import { applyTheme, initialTheme } from "@/lib/theme";
import "./styles.css";

applyTheme(initialTheme());

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A 401 from any call means the session ended (idle expiry, sign-out elsewhere, key revoked): go to sign-in once.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(sessionQuery.queryKey, null);
  if (router.state.location.pathname !== "/sign-in")
    void router.navigate({ to: "/sign-in", search: { redirect: router.state.location.href } });
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
