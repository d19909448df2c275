import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { RampartError } from "../core/index.js";
import { importAiidIncidents, incidentsInvolvingInventory } from "../govern/aiid/aiid-import.js";
import { readGovernance } from "../govern/as-code/apply-governance.js";
import { storeAiidIncidents } from "../govern/records/runtime-records.js";
import type { Store } from "../store/index.js";
import { createGovernanceRecordRepository } from "../store/repositories/govern-record-repository.js";
import type { CliContext } from "./program.js";
import { ACTOR_FLAG, cliActor, withRecordedChanges } from "./recorded-changes.js";
import { withMigratedStore } from "./store-access.js";

/**
 * `rampart govern import-aiid FILE`: reads incidents.csv from an AI Incident Database snapshot,
 * stores the incidents so risks and incident reports can cite them, and lists those whose deployer
 * or developer is one of the organisation's vendors or model providers.
 */
export function registerGovernAiidCommand(govern: Command, context: CliContext): void {
  govern
    .command("import-aiid <file>")
    .description(
      "import incidents.csv of an AI Incident Database snapshot and list those involving your vendors",
    )
    .option("--dry-run", "read and match the file without storing it (nothing is recorded)")
    .option(...ACTOR_FLAG)
    .option("--json", "print JSON")
    .option("-c, --config <file>", "configuration file")
    .action(
      async (
        file: string,
        options: { dryRun?: boolean; json?: boolean; config?: string; actor?: string },
      ) => {
        let text: string;
        try {
          text = readFileSync(file, "utf8");
        } catch (error) {
          throw new RampartError("usage", `cannot read ${file}`, { cause: error });
        }
        const incidents = importAiidIncidents(text);
        const actor = cliActor(options);
        const matching = async (store: Store) =>
          incidentsInvolvingInventory(
            incidents,
            await readGovernance(createGovernanceRecordRepository(store.db)),
          );
        const matches =
          options.dryRun === true
            ? await withMigratedStore(options.config, matching)
            : await withRecordedChanges(context, options.config, async (store, recorder) => {
                await storeAiidIncidents(createGovernanceRecordRepository(store.db), incidents);
                // the same event as POST /api/v1/governance/aiid-incidents/import
                await recorder.recordManagement({
                  actor,
                  action: "governance.aiid.import",
                  target: { kind: "aiid-incidents", id: "import" },
                  changes: { imported: incidents.length },
                });
                return matching(store);
              });
        if (options.json === true) {
          context.io.stdout(
            `${JSON.stringify(
              {
                imported: options.dryRun === true ? 0 : incidents.length,
                read: incidents.length,
                involvingInventory: matches.map((item) => ({ ...item.incident, matches: item.matches })),
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        context.io.stdout(
          options.dryRun === true
            ? `read ${incidents.length} AIID incidents from ${file} (dry run: not stored)\n`
            : `imported ${incidents.length} AIID incidents from ${file}\n`,
        );
        if (matches.length === 0) {
          context.io.stdout("none involves a vendor or model provider of the inventory\n");
          return;
        }
        context.io.stdout(`${matches.length} involve the inventory:\n`);
        for (const { incident, matches: names } of matches)
          context.io.stdout(
            `  AIID ${incident.incidentId} (${incident.date}) ${incident.title}\n    ${names.join(", ")}; ${incident.citeUrl}\n`,
          );
      },
    );
}
