import { RampartError } from "../../core/index.js";
import type { GovernanceRecordRepository } from "../../store/repositories/govern-record-repository.js";
import type { RecordChange } from "../records/governance-records.js";
import { type Governance, governanceSchema } from "../records/governance-schema.js";
import { applyGovernance, readGovernance } from "./apply-governance.js";
import { checkGovernance } from "./check-governance.js";
import { SECTION_FILES } from "./governance-folder.js";

/** The first problem of a register as an invalid_request error naming its file and path. */
function invalid(file: string, path: string, message: string): RampartError {
  const where = path === "" ? file : `${file}: ${path}`;
  return new RampartError("invalid_request", `${where}: ${message}`, { details: { param: path } });
}

/**
 * Validates a whole register the way `rampart govern apply` does: the schema (every field, with
 * its path), then the rules a schema cannot state (the RACI rule, unique ids, prompt hashes,
 * references). Throws the first problem as an invalid_request error naming file and path.
 */
export function validateGovernance(candidate: unknown): Governance {
  const parsed = governanceSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [section, ...rest] = (issue?.path ?? []).map(String);
    const file = SECTION_FILES[section as keyof typeof SECTION_FILES] ?? String(section ?? "governance");
    throw invalid(file, rest.join("."), issue?.message ?? "invalid");
  }
  const problem = checkGovernance(parsed.data)[0];
  if (problem !== undefined) throw invalid(problem.file, problem.path, problem.message);
  return parsed.data;
}

export interface GovernanceEditor {
  read(): Promise<Governance>;
  /**
   * Changes the register: `change` gets the current records and returns the next ones, which are
   * validated as a whole and stored (only what differs is written). Edits in this process run one
   * at a time, so two edits never overwrite each other.
   */
  update(
    change: (current: Governance) => Governance | Promise<Governance>,
  ): Promise<{ governance: Governance; changes: RecordChange[] }>;
  /** validates and applies a whole register (`dryRun`: only the changes) */
  replace(
    next: Governance,
    options?: { dryRun?: boolean | undefined },
  ): Promise<{ governance: Governance; changes: RecordChange[] }>;
}

export function createGovernanceEditor(repository: GovernanceRecordRepository): GovernanceEditor {
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(action: () => Promise<T>): Promise<T> => {
    const result = queue.then(action, action);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    read: () => readGovernance(repository),
    update: (change) =>
      exclusive(async () => {
        const governance = validateGovernance(await change(await readGovernance(repository)));
        return { governance, changes: await applyGovernance(repository, governance) };
      }),
    replace: (next, options = {}) =>
      exclusive(async () => {
        const governance = validateGovernance(next);
        return {
          governance,
          changes: await applyGovernance(repository, governance, { dryRun: options.dryRun }),
        };
      }),
  };
}
