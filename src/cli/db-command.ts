import { existsSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config/index.js";
import {
  describeStorageTarget,
  type MigrationState,
  migrateToLatest,
  migrationStatus,
  openDatabase,
  parseStorageUrl,
  type Store,
} from "../store/index.js";
import { migrations } from "../store/migrations/index.js";
import type { CliContext } from "./program.js";

interface DbOptions {
  config?: string;
}

/** `rampart db migrate` and `rampart db status`: the store's schema, with the location masked. */
export function registerDbCommand(program: Command, context: CliContext): void {
  const db = program.command("db").description("manage the database (storage.url): migrations and status");

  db.command("migrate")
    .description("apply every pending migration and print the ones that ran")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .action(async (options: DbOptions) => {
      await withStore(options, async (store) => {
        context.io.stdout(`${store.dialect} ${store.location}\n`);
        const applied = await migrateToLatest(store);
        for (const name of applied) context.io.stdout(`applied ${name}\n`);
        const total = Object.keys(migrations).length;
        context.io.stdout(
          applied.length === 0
            ? `up to date (${total} migrations)\n`
            : `${applied.length} applied, up to date\n`,
        );
      });
    });

  db.command("status")
    .description("show the dialect, the location (password masked) and applied and pending migrations")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .action(async (options: DbOptions) => {
      const loaded = loadConfig({ file: options.config });
      const target = parseStorageUrl(loaded.config.storage.url, loaded.baseDir);
      if (target.dialect === "sqlite" && !target.memory && !existsSync(target.file)) {
        // reading the status must not create the file
        const pending = Object.keys(migrations).map((name) => ({ name, executedAt: undefined }));
        context.io.stdout(
          renderStatus("sqlite", `${describeStorageTarget(target)} (not created yet)`, pending),
        );
        return;
      }
      await withStore(options, async (store) => {
        context.io.stdout(renderStatus(store.dialect, store.location, await migrationStatus(store)));
      });
    });
}

async function withStore(options: DbOptions, action: (store: Store) => Promise<void>): Promise<void> {
  const loaded = loadConfig({ file: options.config });
  const store = await openDatabase(loaded.config.storage.url, { baseDir: loaded.baseDir, poolSize: 1 });
  try {
    await action(store);
  } finally {
    await store.close();
  }
}

function renderStatus(dialect: string, location: string, states: readonly MigrationState[]): string {
  const pending = states.filter((state) => state.executedAt === undefined).length;
  const lines = [
    `dialect:    ${dialect}`,
    `location:   ${location}`,
    `migrations: ${states.length - pending} applied, ${pending} pending`,
    ...states.map((state) =>
      state.executedAt === undefined
        ? `  pending  ${state.name}`
        : `  applied  ${state.name}  ${state.executedAt.toISOString()}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
