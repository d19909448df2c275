import { recordIdSchema } from "@core/api/governance";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Adds a row or column to an editable grid by id (an activity, a role); refuses a bad or taken id. */
export function AxisAdder({
  label,
  action,
  taken,
  disabled,
  onAdd,
}: {
  label: string;
  action: string;
  taken: readonly string[];
  disabled: boolean;
  onAdd: (id: string) => void;
}) {
  const id = useId();
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = value.trim();
    const parsed = recordIdSchema.safeParse(candidate);
    if (!parsed.success) setProblem(parsed.error.issues[0]?.message ?? "Not a valid id.");
    else if (taken.includes(candidate)) setProblem(`${candidate} is already there.`);
    else {
      onAdd(candidate);
      setValue("");
      setProblem(null);
    }
  };
  return (
    <form onSubmit={add} noValidate className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          value={value}
          disabled={disabled}
          autoComplete="off"
          className="w-48"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        <Button type="submit" variant="outline" size="sm" className="h-9" disabled={disabled}>
          {action}
        </Button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="text-sm text-bad-foreground">
          {problem}
        </p>
      )}
    </form>
  );
}
