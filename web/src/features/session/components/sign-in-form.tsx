import { signIn } from "@core/api/session";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { Shield } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/api-client";
import { sessionQuery, signInWithKey } from "@/lib/session";

const formSchema = signIn.body;

/** Sign-in with an admin key; the key is exchanged for a session cookie and never stored in the browser. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: { key: "" } });
  const keyError = form.formState.errors.key?.message;

  const submit = form.handleSubmit(async ({ key }) => {
    setFailure(null);
    try {
      const session = await signInWithKey(key);
      queryClient.setQueryData(sessionQuery.queryKey, session);
      form.reset();
      onSignedIn();
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 401
          ? "That key is not a valid admin key. Create one with `rampart keys create --kind admin --role <role>`."
          : error instanceof Error
            ? error.message
            : String(error),
      );
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex w-full max-w-sm flex-col gap-4 rounded-lg border border-border bg-card p-6 shadow-sm"
    >
      <h1 className="flex items-center gap-2 text-lg font-semibold">
        <Shield aria-hidden="true" className="size-5 text-primary" /> Sign in to Rampart
      </h1>
      <div className="flex flex-col gap-2">
        <Label htmlFor="admin-key">Admin key</Label>
        <Input
          id="admin-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={keyError ? true : undefined}
          aria-describedby={keyError ? "admin-key-error" : "admin-key-help"}
          {...form.register("key")}
        />
        {keyError ? (
          <p id="admin-key-error" className="text-sm text-bad-foreground">
            {keyError}
          </p>
        ) : (
          <p id="admin-key-help" className="text-sm text-muted-foreground">
            An admin key (kind admin). With <code>rampart serve --demo</code> the demo admin key is printed at
            start.
          </p>
        )}
      </div>
      {failure && (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
          {failure}
        </p>
      )}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
