import { createKeyBodySchema } from "@core/api/keys";
import { z } from "zod";
import type { CreateKeyInput } from "../api/mutations";

/**
 * The create-key form: the core body schema the server applies, with the model list typed as one
 * comma-separated line. Empty optional fields are left out of the body.
 */
export const createKeyFormSchema = createKeyBodySchema.omit({ models: true, expiresAt: true }).extend({
  models: z.string().max(4000),
});
export type CreateKeyForm = z.input<typeof createKeyFormSchema>;

export const createKeyFormDefaults: CreateKeyForm = {
  name: "",
  kind: "gateway",
  role: undefined,
  app: undefined,
  team: undefined,
  clearance: undefined,
  models: "",
};

const blank = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === "" ? undefined : value.trim();

/** The request body of a filled-in form. */
export function createKeyBody(form: z.output<typeof createKeyFormSchema>): CreateKeyInput {
  const models = form.models
    .split(",")
    .map((model) => model.trim())
    .filter((model) => model !== "");
  const role = blank(form.role);
  const app = blank(form.app);
  const team = blank(form.team);
  return {
    name: form.name,
    kind: form.kind,
    ...(role === undefined ? {} : { role }),
    ...(app === undefined ? {} : { app }),
    ...(team === undefined ? {} : { team }),
    ...(form.clearance === undefined ? {} : { clearance: form.clearance }),
    ...(models.length === 0 ? {} : { models }),
  };
}
