import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { resolve } from "node:path";
import type { FastifyBaseLogger } from "fastify";
import { canonicalJson } from "../audit/canonical-json.js";
import type { ManagementChange } from "../audit/index.js";
import type { LoadedConfig } from "../config/index.js";
import { errorMessage } from "../core/index.js";
import type { PolicyGuard } from "../gateway/policy-guard.js";
import { loadPolicyFromConfig, type Policy } from "../policy/index.js";

/** Changes to a policy file arrive as bursts of events; reload once the burst is over. */
const DEBOUNCE_MS = 200;

/**
 * Reloads the policy on SIGHUP and when the policy file changes. An invalid new policy is refused
 * with a log line that lists its problems, and the running policy stays; requests in flight are
 * never dropped (the guard swaps its policy between requests).
 */
export function watchPolicy(
  loaded: LoadedConfig,
  guard: PolicyGuard,
  logger: FastifyBaseLogger,
  load: (loaded: LoadedConfig) => Policy = loadPolicyFromConfig,
  /** records each reload (applied or refused) in the audit trail, as a change by Rampart itself */
  recordChange?: (change: ManagementChange) => Promise<unknown>,
): { reload(): Promise<boolean>; close(): void } {
  const target = {
    kind: "policy",
    id: typeof loaded.config.policy === "string" ? loaded.config.policy : "inline",
  };
  const record = (changes: Record<string, unknown>) => {
    recordChange?.({
      actor: { kind: "system", id: "policy-reload" },
      action: "policy.reload",
      target,
      changes,
    }).catch((error: unknown) =>
      logger.warn({ err: error }, "could not record the policy reload in the audit trail"),
    );
  };
  const reload = async (): Promise<boolean> => {
    try {
      const policy = load(loaded);
      // a model the new policy names (onnx-classifier) must load before the policy replaces the running one
      await guard.prepare(policy);
      guard.update(policy);
      logger.info("policy reloaded");
      record({ result: "applied", sha256: createHash("sha256").update(canonicalJson(policy)).digest("hex") });
      return true;
    } catch (error) {
      logger.error({ problems: errorMessage(error) }, "new policy refused; the running policy stays");
      record({ result: "refused", problems: errorMessage(error).slice(0, 2_000) });
      return false;
    }
  };
  const onSignal = () => {
    void reload();
  };
  process.on("SIGHUP", onSignal);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const setting = loaded.config.policy;
  if (typeof setting === "string") {
    try {
      watcher = watch(resolve(loaded.baseDir, setting), () => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), DEBOUNCE_MS);
      });
      watcher.on("error", (error) =>
        logger.warn({ err: error }, "cannot watch the policy file; SIGHUP still reloads"),
      );
    } catch (error) {
      logger.warn({ err: error }, "cannot watch the policy file; SIGHUP still reloads");
    }
  }
  return {
    reload,
    close() {
      process.off("SIGHUP", onSignal);
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
