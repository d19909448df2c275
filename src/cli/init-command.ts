import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { RampartError } from "../core/index.js";
import { writeGovernanceFolder } from "../govern/as-code/governance-folder.js";
import { STARTER_CONFIG, starterGovernance } from "../govern/as-code/starter-governance.js";
import type { CliContext } from "./program.js";

export function registerInitCommand(program: Command, context: CliContext): void {
  program
    .command("init [dir]")
    .description(
      "scaffold rampart.yaml and a starter governance/ folder (on-premises vLLM model + one hosted API)",
    )
    .action((dir: string | undefined) => {
      const root = resolve(dir ?? ".");
      const config = join(root, "rampart.yaml");
      const governance = join(root, "governance");
      if (existsSync(config) || existsSync(governance))
        throw new RampartError("usage", `${root} already has rampart.yaml or governance/; nothing written`);
      mkdirSync(root, { recursive: true });
      writeFileSync(config, STARTER_CONFIG);
      const files = writeGovernanceFolder(
        governance,
        starterGovernance(new Date().toISOString().slice(0, 10)),
      );
      context.io.stdout(
        `wrote ${config}\nwrote ${files.length} files under ${governance}\nnext: rampart govern apply ${governance}\n`,
      );
    });
}
