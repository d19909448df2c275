import { keyClearances } from "@core/api/keys";
import { managementRoles } from "@core/roles";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CreatedKey } from "../api/mutations";
import { useCreateKey } from "../api/mutations";
import { createKeyBody, createKeyFormDefaults, createKeyFormSchema } from "../lib/create-key-form";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";
const optional = { setValueAs: (value: string) => (value === "" ? undefined : value) };

/** Name, kind, role, app, team, models and clearance of a new key; checked with the server's schema. */
export function CreateKeyForm({ onCreated }: { onCreated: (created: CreatedKey) => void }) {
  const { create, pending, error } = useCreateKey();
  const form = useForm({ resolver: zodResolver(createKeyFormSchema), defaultValues: createKeyFormDefaults });
  const kind = form.watch("kind");
  const nameError = form.formState.errors.name?.message;
  const roleError = form.formState.errors.role?.message;

  const submit = form.handleSubmit(async (values) => {
    const created = await create(createKeyBody(values));
    if (created !== undefined) onCreated(created);
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="key-name">Name</Label>
        <Input
          id="key-name"
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "key-name-error" : undefined}
          {...form.register("name")}
        />
        {nameError && (
          <p id="key-name-error" className="text-sm text-bad-foreground">
            {nameError}
          </p>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="key-kind">Kind</Label>
          <select id="key-kind" className={selectClass} {...form.register("kind")}>
            <option value="gateway">Gateway (applications)</option>
            <option value="admin">Admin (management API, dashboard)</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="key-role">Role</Label>
          {kind === "admin" ? (
            <select id="key-role" className={selectClass} {...form.register("role", optional)}>
              <option value="">auditor (default)</option>
              {managementRoles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          ) : (
            <Input
              id="key-role"
              placeholder="app"
              autoComplete="off"
              aria-invalid={roleError ? true : undefined}
              aria-describedby={roleError ? "key-role-error" : undefined}
              {...form.register("role", optional)}
            />
          )}
          {roleError && (
            <p id="key-role-error" className="text-sm text-bad-foreground">
              {roleError}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="key-app">App (optional)</Label>
          <Input id="key-app" autoComplete="off" {...form.register("app", optional)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="key-team">Team (optional)</Label>
          <Input id="key-team" autoComplete="off" {...form.register("team", optional)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="key-models">Models (comma-separated; empty: all the policy allows)</Label>
          <Input
            id="key-models"
            autoComplete="off"
            placeholder="llama-*, gpt-4o"
            {...form.register("models")}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="key-clearance">Clearance</Label>
          <select id="key-clearance" className={selectClass} {...form.register("clearance", optional)}>
            <option value="">internal (default)</option>
            {keyClearances.map((clearance) => (
              <option key={clearance} value={clearance}>
                {clearance}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
          {error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
