import type { EndpointResponse } from "@core/api/contract";
import type { listRedteamTargets } from "@core/api/redteam";
import type { UseFormRegister } from "react-hook-form";
import type { RunFormValues } from "../lib/run-form";
import { FieldError } from "./field-error";

type Strategy = EndpointResponse<typeof listRedteamTargets>["strategies"][number];

/** Strategies (how each probe is disguised) as checkboxes; the server's defaults start ticked. */
export function StrategyFields({
  strategies,
  register,
  error,
}: {
  strategies: readonly Strategy[];
  register: UseFormRegister<RunFormValues>;
  error: string | undefined;
}) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "run-strategies-error" : undefined}>
      <legend className="text-sm font-medium">Strategies</legend>
      <div className="grid max-h-48 grid-cols-1 gap-2 overflow-y-auto rounded-md border border-border p-2 sm:grid-cols-2">
        {strategies.map((strategy) => (
          <div key={strategy.id} className="flex items-start gap-2 text-sm">
            <input
              id={`run-strategy-${strategy.id}`}
              type="checkbox"
              value={strategy.id}
              aria-describedby={`run-strategy-${strategy.id}-about`}
              className="mt-1 accent-primary"
              {...register("strategies")}
            />
            <div className="flex flex-col">
              <label htmlFor={`run-strategy-${strategy.id}`}>{strategy.id}</label>
              <span id={`run-strategy-${strategy.id}-about`} className="text-xs text-muted-foreground">
                {strategy.description}
              </span>
            </div>
          </div>
        ))}
      </div>
      <FieldError id="run-strategies-error" message={error} />
    </fieldset>
  );
}
