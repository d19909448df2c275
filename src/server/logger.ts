import { type Logger, pino } from "pino";
import pretty from "pino-pretty";
import type { ServerConfig } from "../config/index.js";

/**
 * JSON logs (one object a line) for machines; readable, coloured lines when stdout is a terminal.
 * Secrets never reach the logs: request headers are not logged, and the redact list below removes
 * the usual carriers when they appear in logged objects.
 */
export function createLogger(level: ServerConfig["logLevel"], tty = Boolean(process.stdout.isTTY)): Logger {
  const options = {
    level,
    base: { service: "rampart" },
    redact: {
      paths: ["authorization", "headers.authorization", "*.apiKey", "apiKey", "*.password", "key"],
      censor: "[redacted]",
    },
  };
  if (tty)
    return pino(
      options,
      pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" }),
    );
  return pino(options);
}
