import type { ApiKeyView } from "@core/api/keys";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useRunContainment } from "../api/mutations";
import {
  type ContainmentOption,
  confirmationMatches,
  confirmationPhrase,
  containmentActionInfo,
} from "../lib/containment-options";

/**
 * The target, the action's parameters, and the typed confirmation (the key's name, or the target).
 * Mounted while its dialog is open, so every opening starts from the suggestions.
 */
export function ContainmentForm({
  incidentId,
  option,
  keys,
  onDone,
}: {
  incidentId: string;
  option: ContainmentOption;
  keys: readonly ApiKeyView[];
  onDone: () => void;
}) {
  const info = containmentActionInfo[option.action];
  const run = useRunContainment(incidentId);
  const [target, setTarget] = useState(option.suggestedTargets[0] ?? "");
  const [parameters, setParameters] = useState<Record<string, string>>({});
  const [typed, setTyped] = useState("");
  const phrase = confirmationPhrase(target, keys);
  const missing = info.parameters.some(
    (parameter) => parameter.required && !parameters[parameter.name]?.trim(),
  );
  const ready = target.trim() !== "" && !missing && confirmationMatches(typed, phrase);
  const listId = `${option.action}-targets`;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const filled = Object.fromEntries(
      Object.entries(parameters)
        .map(([name, value]) => [name, value.trim()] as const)
        .filter(([, value]) => value !== ""),
    );
    run.mutate(
      { action: option.action, target: target.trim(), parameters: filled },
      {
        onSuccess: (record) => {
          toast.success(`${info.label}: ${record.target} (${record.id})`);
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <p className="text-sm">{info.effect}</p>
      <div className="flex flex-col gap-1">
        <Label htmlFor="containment-target">{info.targetLabel}</Label>
        <Input
          id="containment-target"
          value={target}
          list={option.suggestedTargets.length > 0 ? listId : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTarget(event.target.value)}
        />
        {option.suggestedTargets.length > 0 && (
          <datalist id={listId}>
            {option.suggestedTargets.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        )}
      </div>
      {info.parameters.map((parameter) => (
        <div key={parameter.name} className="flex flex-col gap-1">
          <Label htmlFor={`containment-${parameter.name}`}>
            {parameter.label}
            {parameter.required ? "" : " (optional)"}
          </Label>
          <Input
            id={`containment-${parameter.name}`}
            value={parameters[parameter.name] ?? ""}
            autoComplete="off"
            onChange={(event) => setParameters({ ...parameters, [parameter.name]: event.target.value })}
          />
        </div>
      ))}
      <div className="flex flex-col gap-1">
        <Label htmlFor="containment-confirm">
          Type <strong className="font-mono">{phrase === "" ? "the target" : phrase}</strong> to confirm
        </Label>
        <Input
          id="containment-confirm"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      {run.isError && (
        <p role="alert" className="text-sm text-bad-foreground">
          {run.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={!ready || run.isPending}>
          {run.isPending ? "Running…" : info.label}
        </Button>
      </div>
    </form>
  );
}
