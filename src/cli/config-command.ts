import type { Command } from "commander";
import { stringify } from "yaml";
import { checkConfig, formatIssues, loadConfig, maskConfig } from "../config/index.js";
import { type CliContext, exitCodes } from "./program.js";

export function registerConfigCommand(program: Command, context: CliContext): void {
  const config = program.command("config").description("check and show the configuration (rampart.yaml)");

  config
    .command("check [file]")
    .description(
      "validate a configuration file; lists every error with its path and exits 2 when there is one",
    )
    .action((file: string | undefined) => {
      const result = checkConfig({ file });
      if (result.ok) {
        context.io.stdout(`${result.loaded.file ?? "(defaults)"}: ok\n`);
        return;
      }
      context.io.stderr(`${formatIssues(result.source, result.issues)}\n`);
      context.setExitCode(exitCodes.usage);
    });

  config
    .command("print")
    .description("print the effective configuration (file, environment and defaults) with secrets masked")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .option("--json", "print JSON instead of YAML")
    .action((options: { config?: string; json?: boolean }) => {
      const loaded = loadConfig({ file: options.config });
      const masked = maskConfig(loaded.config);
      context.io.stdout(options.json ? `${JSON.stringify(masked, null, 2)}\n` : stringify(masked));
    });
}
