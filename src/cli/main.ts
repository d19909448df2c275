import { readFileSync } from "node:fs";
import { registerAuditCommand } from "./audit-command.js";
import { registerBomCommand } from "./bom-command.js";
import { registerComplyCommand } from "./comply-command.js";
import { registerConfigCommand } from "./config-command.js";
import { registerDbCommand } from "./db-command.js";
import { registerDemoUpstreamCommand } from "./demo-upstream-command.js";
import { registerGovernCommand } from "./govern-command.js";
import { registerIncidentCommand } from "./incident-command.js";
import { registerInitCommand } from "./init-command.js";
import { registerKeysCommand } from "./keys-command.js";
import {
  type CliContext,
  type CliIo,
  newProgram,
  processIo,
  type RegisterCommand,
  reportError,
} from "./program.js";
import { registerRedteamCommand } from "./redteam-command.js";
import { registerScanCommand } from "./scan-command.js";
import { registerServeCommand } from "./serve-command.js";

/** Every command of the CLI, one file each. Add a command: write src/cli/<name>-command.ts, list it here. */
const commands: readonly RegisterCommand[] = [
  registerConfigCommand,
  registerDbCommand,
  registerDemoUpstreamCommand,
  registerServeCommand,
  registerKeysCommand,
  registerScanCommand,
  registerRedteamCommand,
  registerAuditCommand,
  registerComplyCommand,
  registerGovernCommand,
  registerInitCommand,
  registerBomCommand,
  registerIncidentCommand,
];

function packageVersion(): string {
  const raw: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  if (typeof raw === "object" && raw !== null && "version" in raw && typeof raw.version === "string") {
    return raw.version;
  }
  return "0.0.0";
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const context: CliContext = {
    io,
    debug: argv.includes("--debug"),
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  const program = newProgram(packageVersion(), io);
  for (const register of commands) register(program, context);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io, context.debug);
  }
}
