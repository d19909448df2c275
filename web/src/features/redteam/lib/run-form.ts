import { type RedteamTarget, startRedteamRunBodySchema } from "@core/api/redteam";
import { z } from "zod";

/** The fields of the "Start a run" form; submitted, they become the contract's body. */
export interface RunFormValues {
  target: string;
  model: string;
  /** probe packs ticked */
  probes: string[];
  /** more probe ids, base-case ids, classes or OWASP ids, separated by commas or spaces */
  extraProbes: string;
  strategies: string[];
  seed: string;
}

/** Concrete model names a target serves (patterns such as "*" left out), for suggestions. */
export function concreteModels(target: RedteamTarget | undefined): string[] {
  return (target?.models ?? []).filter((model) => !model.includes("*"));
}

export function runFormDefaults(
  targets: readonly RedteamTarget[],
  defaultStrategies: readonly string[],
): RunFormValues {
  return {
    target: targets[0]?.id ?? "",
    model: "",
    probes: [],
    extraProbes: "",
    strategies: [...defaultStrategies],
    seed: "1",
  };
}

function splitIds(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * The form's schema: the form's fields are turned into a body and checked with the contract's own
 * body schema (so its limits apply before the server sees the request), plus what only the targets
 * list knows: a target serving model patterns only needs a model name.
 */
export function runFormSchema(targets: readonly RedteamTarget[]) {
  return z
    .object({
      target: z.string().min(1, "Choose a target."),
      model: z.string().trim(),
      probes: z.array(z.string()),
      extraProbes: z.string(),
      strategies: z.array(z.string()).min(1, "Choose at least one strategy."),
      seed: z.string().trim().regex(/^\d*$/, "The seed is a whole number, 0 or more."),
    })
    .superRefine((values, context) => {
      const target = targets.find((candidate) => candidate.id === values.target);
      if (values.target !== "" && target === undefined)
        context.addIssue({
          code: "custom",
          path: ["target"],
          message: "This target is no longer offered; reload.",
        });
      if (target !== undefined && target.defaultModel === null && values.model === "")
        context.addIssue({
          code: "custom",
          path: ["model"],
          message: `${target.name} serves model patterns only (${target.models.join(", ") || "none listed"}): name the model to attack.`,
        });
    })
    .transform((values): z.input<typeof startRedteamRunBodySchema> => {
      const probes = [...new Set([...values.probes, ...splitIds(values.extraProbes)])];
      return {
        target: values.target,
        ...(values.model === "" ? {} : { model: values.model }),
        ...(probes.length === 0 ? {} : { probes }),
        strategies: values.strategies,
        ...(values.seed === "" ? {} : { seed: Number(values.seed) }),
      };
    })
    .pipe(startRedteamRunBodySchema);
}
