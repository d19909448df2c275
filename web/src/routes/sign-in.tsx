import { createFileRoute, redirect, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { SignInForm } from "@/features/session";
import { sessionQuery } from "@/lib/session";

const searchSchema = z.object({ redirect: z.string().startsWith("/").optional().catch(undefined) });

export const Route = createFileRoute("/sign-in")({
  validateSearch: searchSchema,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ to: search.redirect ?? "/" });
  },
  component: SignInPage,
});

function SignInPage() {
  const search = Route.useSearch();
  const navigate = useNavigate();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm onSignedIn={() => void navigate({ to: search.redirect ?? "/" })} />
    </main>
  );
}
