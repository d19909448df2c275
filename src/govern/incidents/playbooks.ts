import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { managementRoleSchema, RampartError } from "../../core/index.js";
import { containmentActionSchema } from "../../store/repositories/incident-containment-repository.js";
import { incidentSeveritySchema } from "../../store/repositories/incident-repository.js";

export const playbookSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  title: z.string().min(1),
  description: z.string().min(1),
  severity: incidentSeveritySchema,
  /** the roles that own the response */
  owners: z.array(managementRoleSchema).min(1),
  steps: z.array(z.strictObject({ title: z.string().min(1), role: managementRoleSchema })).min(1),
  /** the containment actions Rampart can carry out for this playbook, and who may run each */
  containment: z.array(
    z.strictObject({ action: containmentActionSchema, roles: z.array(managementRoleSchema).min(1) }),
  ),
});
export type Playbook = z.infer<typeof playbookSchema>;

/** catalog/playbooks/ of the package. */
export const DEFAULT_PLAYBOOK_DIR = fileURLToPath(new URL("../../../catalog/playbooks/", import.meta.url));

/** Loads every `*.yaml` playbook of a folder; the file name must equal the id. */
export function loadPlaybooks(dir: string = DEFAULT_PLAYBOOK_DIR): ReadonlyMap<string, Playbook> {
  const playbooks = new Map<string, Playbook>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()) {
    const parsed = playbookSchema.safeParse(parseYaml(readFileSync(join(dir, file), "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RampartError(
        "config_invalid",
        `playbook ${file}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
      );
    }
    if (`${parsed.data.id}.yaml` !== file) {
      throw new RampartError(
        "config_invalid",
        `playbook ${file}: id '${parsed.data.id}' does not match the file name`,
      );
    }
    playbooks.set(parsed.data.id, Object.freeze(parsed.data));
  }
  return playbooks;
}
