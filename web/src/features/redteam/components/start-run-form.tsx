import type { EndpointResponse } from "@core/api/contract";
import type { listRedteamTargets, RedteamRunSummary } from "@core/api/redteam";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useStartRun } from "../api/mutations";
import { concreteModels, type RunFormValues, runFormDefaults, runFormSchema } from "../lib/run-form";
import { FieldError } from "./field-error";
import { ProbePackFields } from "./probe-pack-fields";
import { StrategyFields } from "./strategy-fields";

type Offer = EndpointResponse<typeof listRedteamTargets>;

const selectClass =
  "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";

/**
 * The "Start a run" form, mounted once the targets, packs and strategies have loaded. Validated with
 * the contract's body schema (react-hook-form + zod); the server's refusals are shown as they come.
 */
export function StartRunForm({
  offer,
  onStarted,
}: {
  offer: Offer;
  onStarted: (run: RedteamRunSummary) => void;
}) {
  const schema = useMemo(() => runFormSchema(offer.data), [offer.data]);
  const form = useForm<RunFormValues, unknown, ReturnType<typeof schema.parse>>({
    resolver: zodResolver(schema),
    defaultValues: runFormDefaults(offer.data, offer.defaultStrategies),
  });
  const start = useStartRun();
  const errors = form.formState.errors;
  const targetId = useWatch({ control: form.control, name: "target" });
  const target = offer.data.find((candidate) => candidate.id === targetId);
  const models = concreteModels(target);

  const submit = form.handleSubmit((body) => start.mutate(body, { onSuccess: onStarted }));

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="run-target">Target</Label>
        <select id="run-target" className={selectClass} {...form.register("target")}>
          {offer.data.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} — {candidate.url}
            </option>
          ))}
        </select>
        <FieldError id="run-target-error" message={errors.target?.message} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="run-model">Model</Label>
        <Input
          id="run-model"
          list="run-model-options"
          autoComplete="off"
          placeholder={target?.defaultModel ?? "model name"}
          aria-invalid={errors.model ? true : undefined}
          aria-describedby={errors.model ? "run-model-error" : "run-model-help"}
          {...form.register("model")}
        />
        <datalist id="run-model-options">
          {models.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
        {errors.model ? (
          <FieldError id="run-model-error" message={errors.model.message} />
        ) : (
          <p id="run-model-help" className="text-xs text-muted-foreground">
            {target?.defaultModel
              ? `Empty: ${target.defaultModel}.`
              : "This target serves any model name matching its patterns: type the model to attack."}
          </p>
        )}
      </div>
      <ProbePackFields
        packs={offer.probePacks}
        register={form.register}
        error={errors.probes?.message ?? errors.probes?.root?.message}
      />
      <StrategyFields
        strategies={offer.strategies}
        register={form.register}
        error={errors.strategies?.message}
      />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="run-seed">Seed</Label>
        <Input
          id="run-seed"
          inputMode="numeric"
          className="w-32"
          aria-invalid={errors.seed ? true : undefined}
          aria-describedby={errors.seed ? "run-seed-error" : "run-seed-help"}
          {...form.register("seed")}
        />
        {errors.seed ? (
          <FieldError id="run-seed-error" message={errors.seed.message} />
        ) : (
          <p id="run-seed-help" className="text-xs text-muted-foreground">
            The same seed renders the same cases, so two runs compare case by case.
          </p>
        )}
      </div>
      {start.isError && (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
          The server refused the run: {start.error.message}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={start.isPending}>
          {start.isPending ? "Starting…" : "Start the run"}
        </Button>
      </div>
    </form>
  );
}
