import { Command, CommanderError } from "commander";
import { type ErrorCode, errorMessage, isRampartError } from "../core/index.js";

/** Exit codes of every command: 0 ok, 1 a check or gate failed (findings), 2 usage or configuration error. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Error codes that are the caller's to fix (bad flags, bad config, unreachable dependencies): exit 2. */
const usageErrorCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "config_invalid",
  "config_not_found",
  "usage",
  "storage_unreachable",
  "port_in_use",
  "redis_unreachable",
  "invalid_request",
  "invalid_json",
  "invalid_encoding",
]);

/** Where a command writes. Tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdin as text, read on demand */
  readStdin: () => Promise<string>;
  isTty: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  isTty: Boolean(process.stdout.isTTY),
};

/** What a command gets: where to write, and how to report its exit code. One per run. */
export interface CliContext {
  readonly io: CliIo;
  /** true when --debug was given */
  readonly debug: boolean;
  /** records the exit code of the run (the highest code set wins) */
  setExitCode(code: number): void;
}

/** A command file exports one of these; `runCli` calls each in turn. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * Turns a thrown value into one clear line on stderr and an exit code. The stack is shown only
 * with --debug.
 */
export function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  const message = errorMessage(error).replace(/\s+$/, "");
  io.stderr(`rampart: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  if (isRampartError(error)) return usageErrorCodes.has(error.code) ? exitCodes.usage : exitCodes.failed;
  return exitCodes.usage;
}

export function newProgram(version: string, io: CliIo): Command {
  const program = new Command("rampart");
  program
    .description("Rampart: LLM security gateway, red-team scanner and governance register")
    .version(version, "-V, --version")
    .option("--debug", "show stack traces and debug logs")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  return program;
}
