import type { Migration } from "kysely/migration";
import * as apiKeys from "./0001-api-keys.js";
import * as settings from "./0002-settings.js";
import * as auditTrail from "./0100-audit-trail.js";
import * as auditEventIndex from "./0101-audit-event-index.js";
import * as incidents from "./0200-incidents.js";
import * as redteamRuns from "./0300-redteam-runs.js";
import * as governanceRecords from "./0400-governance-records.js";

/**
 * Every migration, in order. Listed by hand (no folder scan) so that they run the same from
 * src/ under tsx and from dist/ after a build. Add one: write NNNN-name.ts with up/down, list it
 * here. Never edit a migration that has shipped; write a new one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001-api-keys": apiKeys,
  "0002-settings": settings,
  "0100-audit-trail": auditTrail,
  "0101-audit-event-index": auditEventIndex,
  "0200-incidents": incidents,
  "0300-redteam-runs": redteamRuns,
  "0400-governance-records": governanceRecords,
};
