import type { EndpointResponse } from "@core/api/contract";
import type { listRedteamTargets } from "@core/api/redteam";
import type { UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { RunFormValues } from "../lib/run-form";
import { FieldError } from "./field-error";

type Pack = EndpointResponse<typeof listRedteamTargets>["probePacks"][number];

/** Probe packs as checkboxes, plus probe ids typed by hand; none chosen runs every probe. */
export function ProbePackFields({
  packs,
  register,
  error,
}: {
  packs: readonly Pack[];
  register: UseFormRegister<RunFormValues>;
  error: string | undefined;
}) {
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={error ? "run-probes-error" : "run-probes-help"}
    >
      <legend className="text-sm font-medium">Probe packs</legend>
      <p id="run-probes-help" className="text-xs text-muted-foreground">
        Leave every pack unticked and the field below empty to run every probe.
      </p>
      <div className="grid max-h-56 grid-cols-1 gap-2 overflow-y-auto rounded-md border border-border p-2 sm:grid-cols-2">
        {packs.map((pack) => (
          <div key={pack.name} className="flex items-start gap-2 text-sm">
            <input
              id={`run-pack-${pack.name}`}
              type="checkbox"
              value={pack.name}
              aria-describedby={`run-pack-${pack.name}-about`}
              className="mt-1 accent-primary"
              {...register("probes")}
            />
            <div className="flex flex-col">
              <label htmlFor={`run-pack-${pack.name}`}>
                {pack.name}{" "}
                <span className="text-xs text-muted-foreground">({pack.baseCases} base cases)</span>
              </label>
              <span id={`run-pack-${pack.name}-about`} className="text-xs text-muted-foreground">
                {pack.description}
              </span>
            </div>
          </div>
        ))}
      </div>
      <Label htmlFor="run-extra-probes" className="mt-1">
        More probes
      </Label>
      <Input
        id="run-extra-probes"
        placeholder="spe-direct-01, LLM05, jb-roleplay"
        autoComplete="off"
        aria-describedby="run-extra-probes-help"
        {...register("extraProbes")}
      />
      <p id="run-extra-probes-help" className="text-xs text-muted-foreground">
        Probe ids, base-case ids, classes or OWASP ids, separated by commas.
      </p>
      <FieldError id="run-probes-error" message={error} />
    </fieldset>
  );
}
