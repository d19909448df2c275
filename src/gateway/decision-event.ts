import type { Logger } from "pino";
import type { DecisionSink } from "../core/index.js";

export type { DecisionEvent, DecisionSink } from "../core/index.js";

/** The default sink until the audit trail is configured: one log line per decision. */
export function logDecisionSink(logger: Logger): DecisionSink {
  return {
    record(event) {
      logger.info({ event }, "gateway decision");
    },
  };
}
