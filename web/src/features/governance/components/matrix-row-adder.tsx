import { recordIdSchema } from "@core/api/governance";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Adds a role x target row to the acceptable-use matrix (the row's cells start without rules). */
export function MatrixRowAdder({
  taken,
  disabled,
  onAdd,
}: {
  taken: readonly string[];
  disabled: boolean;
  onAdd: (row: { role: string; target: string }) => void;
}) {
  const [role, setRole] = useState("");
  const [target, setTarget] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = (event: React.FormEvent) => {
    event.preventDefault();
    const row = { role: role.trim(), target: target.trim() };
    const roleCheck = recordIdSchema.safeParse(row.role);
    if (!roleCheck.success) setProblem(`Role: ${roleCheck.error.issues[0]?.message ?? "not a valid id"}.`);
    else if (row.target === "") setProblem("Name the model or tool.");
    else if (taken.includes(`${row.role} ${row.target}`)) setProblem("That row is already in the matrix.");
    else {
      onAdd(row);
      setRole("");
      setTarget("");
      setProblem(null);
    }
  };
  return (
    <form onSubmit={add} noValidate className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <Label htmlFor="au-new-role">Role</Label>
        <Input
          id="au-new-role"
          className="w-40"
          value={role}
          disabled={disabled}
          autoComplete="off"
          onChange={(event) => setRole(event.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="au-new-target">Model or tool</Label>
        <Input
          id="au-new-target"
          className="w-48"
          value={target}
          disabled={disabled}
          autoComplete="off"
          onChange={(event) => setTarget(event.target.value)}
        />
      </div>
      <Button type="submit" variant="outline" size="sm" className="h-9" disabled={disabled}>
        Add row
      </Button>
      {problem && (
        <p role="alert" className="w-full text-sm text-bad-foreground">
          {problem}
        </p>
      )}
    </form>
  );
}
