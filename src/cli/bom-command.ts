import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import { readGovernance } from "../govern/as-code/apply-governance.js";
import { buildCycloneDx } from "../govern/bom/build-cyclonedx.js";
import { buildSpdx } from "../govern/bom/build-spdx.js";
import { latestRedteamResults } from "../govern/bom/redteam-results.js";
import { redTeamStoreSource } from "../govern/compliance/sources/redteam-store-source.js";
import { createGovernanceRecordRepository } from "../store/repositories/govern-record-repository.js";
import { createRedteamRunRepository } from "../store/repositories/redteam-run-repository.js";
import type { CliContext } from "./program.js";
import { withMigratedStore } from "./store-access.js";

function toolVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return /"version":\s*"([^"]+)"/.exec(text)?.[1] ?? "0.0.0";
}

export function registerBomCommand(program: Command, context: CliContext): void {
  program
    .command("bom")
    .description("export the AI-BOM (models, datasets, applications, upstreams) from the governance records")
    .option("--format <format>", "cyclonedx-json | spdx-json", "cyclonedx-json")
    .option("--out <file>", "write to a file instead of stdout")
    .option("-c, --config <file>", "configuration file")
    .action(async (options: { format: string; out?: string; config?: string }) => {
      const build = { "cyclonedx-json": buildCycloneDx, "spdx-json": buildSpdx }[options.format];
      if (build === undefined)
        throw new RampartError("usage", `unknown format ${options.format} (cyclonedx-json, spdx-json)`);
      const loaded = loadConfig({ file: options.config });
      const document = await withMigratedStore(options.config, async (store) => {
        const governance = await readGovernance(createGovernanceRecordRepository(store.db));
        const runs = await redTeamStoreSource(createRedteamRunRepository(store.db)).recentRuns();
        return build({
          governance,
          upstreams: loaded.config.upstreams.map((u) => ({ name: u.name, url: u.url, models: u.models })),
          redteam: latestRedteamResults(runs),
          toolVersion: toolVersion(),
          now: new Date(),
        });
      });
      const text = `${JSON.stringify(document, null, 2)}\n`;
      if (options.out === undefined) context.io.stdout(text);
      else {
        writeFileSync(options.out, text);
        context.io.stdout(`wrote ${options.out}\n`);
      }
    });
}
