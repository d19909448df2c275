import type { Kysely } from "kysely";
import { z } from "zod";
import type { RampartDatabase } from "../database-schema.js";
import { fromJsonColumn, toJsonColumn } from "../json-column.js";
import { fromStoredTimestamp, toStoredTimestamp } from "../timestamps.js";
import type { RepositoryOptions } from "./api-key-repository.js";

/** The table of migration 0300-redteam-runs. */
export interface RedteamRunTable {
  id: string;
  target: string;
  model: string;
  seed: number;
  started_at: string;
  finished_at: string;
  cases: number;
  successes: number;
  asr: number;
  over_refusal_rate: number;
  gate_passed: number | null;
  summary: string;
  saved_at: string;
}

type RedteamDatabase = RampartDatabase & { redteam_runs: RedteamRunTable };

/** The summary is stored as JSON; the store does not know the red team's schema, only that it is an object. */
const summarySchema = z.record(z.string(), z.unknown());

export interface RedteamRunRecord {
  id: string;
  target: string;
  model: string;
  seed: number;
  startedAt: Date;
  finishedAt: Date;
  cases: number;
  successes: number;
  asr: number;
  overRefusalRate: number;
  /** undefined when the run had no gate */
  gatePassed?: boolean;
  summary: Record<string, unknown>;
}

/** Red-team runs as governance evidence. Saving a run with the same id replaces it. */
export interface RedteamRunRepository {
  save(run: RedteamRunRecord): Promise<void>;
  get(id: string): Promise<(RedteamRunRecord & { savedAt: Date }) | undefined>;
  /** newest first */
  list(limit?: number): Promise<(RedteamRunRecord & { savedAt: Date })[]>;
}

function fromRow(row: RedteamRunTable): RedteamRunRecord & { savedAt: Date } {
  return {
    id: row.id,
    target: row.target,
    model: row.model,
    seed: Number(row.seed),
    startedAt: fromStoredTimestamp(row.started_at),
    finishedAt: fromStoredTimestamp(row.finished_at),
    cases: Number(row.cases),
    successes: Number(row.successes),
    asr: Number(row.asr),
    overRefusalRate: Number(row.over_refusal_rate),
    ...(row.gate_passed === null ? {} : { gatePassed: Number(row.gate_passed) === 1 }),
    summary: fromJsonColumn(row.summary, summarySchema, `redteam run ${row.id}`),
    savedAt: fromStoredTimestamp(row.saved_at),
  };
}

export function createRedteamRunRepository(
  database: Kysely<RampartDatabase>,
  options: RepositoryOptions = {},
): RedteamRunRepository {
  const db = database.withTables<{ redteam_runs: RedteamRunTable }>() as unknown as Kysely<RedteamDatabase>;
  const now = options.now ?? (() => new Date());
  return {
    async save(run) {
      const row: RedteamRunTable = {
        id: run.id,
        target: run.target,
        model: run.model,
        seed: run.seed,
        started_at: toStoredTimestamp(run.startedAt),
        finished_at: toStoredTimestamp(run.finishedAt),
        cases: run.cases,
        successes: run.successes,
        asr: run.asr,
        over_refusal_rate: run.overRefusalRate,
        gate_passed: run.gatePassed === undefined ? null : run.gatePassed ? 1 : 0,
        summary: toJsonColumn(run.summary),
        saved_at: toStoredTimestamp(now()),
      };
      const { id: _id, ...update } = row;
      await db
        .insertInto("redteam_runs")
        .values(row)
        .onConflict((conflict) => conflict.column("id").doUpdateSet(update))
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom("redteam_runs").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async list(limit = 50) {
      const rows = await db
        .selectFrom("redteam_runs")
        .selectAll()
        .orderBy("finished_at", "desc")
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
