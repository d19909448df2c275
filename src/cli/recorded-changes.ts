import { userInfo } from "node:os";
import { type CommandRecorder, openCommandRecorder } from "../audit/command-recorder.js";
import type { AuditActor } from "../audit/event-schema.js";
import { loadConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import type { Store } from "../store/index.js";
import type { CliContext } from "./program.js";
import { withMigratedStore } from "./store-access.js";

/**
 * Who a command acts as, for the audit trail (and an incident's timeline): `cli:<name>`, where the
 * name is --actor or else the operating-system user. `role` is added when the command acts as a
 * management role (containment).
 */
export function cliActor(flags: { actor?: string | undefined }, role?: string): AuditActor {
  const id = flags.actor?.trim() || userInfo().username || "cli";
  if (id.length > 200) throw new RampartError("usage", "--actor must be at most 200 characters");
  return role === undefined ? { kind: "cli", id } : { kind: "cli", id, role };
}

/** The `--actor` option of every command that records what it changes. */
export const ACTOR_FLAG = [
  "--actor <name>",
  "who is acting, recorded as cli:<name> in the audit trail (default: the OS user)",
] as const;

/**
 * Runs a command that changes records (keys, governance records, incidents, containments) or runs
 * something the trail keeps (a red-team run): the recorder is opened first, so a command that could
 * not record its change (no signing key for a trail that has events) fails before it changes
 * anything; each change is recorded on the CLI's own node (`<host>-cli`) before the command ends and
 * delivered to the configured sinks. A command with nothing to record (a dry run) uses
 * `withMigratedStore` instead.
 */
export async function withRecordedChanges<T>(
  context: CliContext,
  configFile: string | undefined,
  action: (store: Store, recorder: CommandRecorder) => Promise<T>,
): Promise<T> {
  return withMigratedStore(configFile, async (store) => {
    const loaded = loadConfig({ file: configFile });
    const recorder = await openCommandRecorder({
      store,
      baseDir: loaded.baseDir,
      sinks: loaded.config.audit.sinks,
    });
    try {
      return await action(store, recorder);
    } finally {
      await closeRecorder(context, recorder, "the change");
    }
  });
}

/**
 * Closes a command's recorder and says on stderr which audit sinks it could not reach yet (`what`
 * is in the trail all the same; the next command on this host delivers it).
 */
export async function closeRecorder(
  context: CliContext,
  recorder: CommandRecorder,
  what: string,
): Promise<void> {
  const missed = await recorder.close();
  if (missed.length > 0) {
    context.io.stderr(
      `audit sinks not reached yet: ${missed.join(", ")} (${what} is in the audit trail; the next command on this host delivers it)\n`,
    );
  }
}
