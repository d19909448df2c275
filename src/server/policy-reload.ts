import { type FSWatcher, watch } from "node:fs";
import { resolve } from "node:path";
import type { FastifyBaseLogger } from "fastify";
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
): { reload(): boolean; close(): void } {
  const reload = (): boolean => {
    try {
      guard.update(load(loaded));
      logger.info("policy reloaded");
      return true;
    } catch (error) {
      logger.error({ problems: errorMessage(error) }, "new policy refused; the running policy stays");
      return false;
    }
  };
  const onSignal = () => {
    reload();
  };
  process.on("SIGHUP", onSignal);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const setting = loaded.config.policy;
  if (typeof setting === "string") {
    try {
      watcher = watch(resolve(loaded.baseDir, setting), () => {
        clearTimeout(timer);
        timer = setTimeout(reload, DEBOUNCE_MS);
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
