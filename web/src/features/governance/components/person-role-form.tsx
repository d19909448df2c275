import { recordIdSchema } from "@core/api/governance";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAssignPerson } from "../api/mutations";

/** Gives a person a role; every module for that role becomes an assignment of theirs. */
export function PersonRoleForm({ disabled }: { disabled: boolean }) {
  const assign = useAssignPerson();
  const [person, setPerson] = useState("");
  const [role, setRole] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const bad = [
      ["Person", person.trim()],
      ["Role", role.trim()],
    ].find(([, value]) => !recordIdSchema.safeParse(value).success);
    if (bad) {
      setProblem(`${bad[0]}: lower-case letters, digits, '.', '_' or '-'.`);
      return;
    }
    setProblem(null);
    assign.mutate(
      { person: person.trim(), role: role.trim() },
      {
        onSuccess: () => {
          toast.success(`${person.trim()} has the role ${role.trim()}`);
          setPerson("");
          setRole("");
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <Label htmlFor="training-person">Person</Label>
        <Input
          id="training-person"
          className="w-44"
          value={person}
          disabled={disabled}
          autoComplete="off"
          onChange={(event) => setPerson(event.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="training-role">Role</Label>
        <Input
          id="training-role"
          className="w-44"
          value={role}
          disabled={disabled}
          autoComplete="off"
          onChange={(event) => setRole(event.target.value)}
        />
      </div>
      <Button type="submit" variant="outline" className="h-9" disabled={disabled || assign.isPending}>
        Set role
      </Button>
      {(problem || assign.isError) && (
        <p role="alert" className="w-full text-sm text-bad-foreground">
          {problem ?? `Not saved: ${assign.error?.message}`}
        </p>
      )}
    </form>
  );
}
