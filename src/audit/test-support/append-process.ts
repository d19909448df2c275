/**
 * Appends audit events under a bounded load until it is killed, printing `ack <seq>` for each event
 * once its commit resolved: the SIGKILL test counts these against the store afterwards.
 * Arguments: <storage url> <base dir> <durability> [schema].
 */
import { z } from "zod";
import { auditConfigSchema } from "../../config/index.js";
import { openDatabase } from "../../store/index.js";
import { createAuditTrail } from "../audit-trail.js";
import { sampleDecision } from "./audit-fixtures.js";

/** Appends in flight at once: the bounded load. */
const IN_FLIGHT = 16;
/** Stop on its own after this many events, in case nobody kills it. */
const MAX_EVENTS = 200_000;

const [url = "", baseDir = ".", durability = "batched", schema] = process.argv.slice(2);
const store = await openDatabase(url, { baseDir, schema, poolSize: 4 });
const trail = await createAuditTrail({
  store,
  config: auditConfigSchema.parse({
    content: "none",
    durability: z.enum(["sync", "batched"]).parse(durability),
  }),
  baseDir,
  node: "node-kill",
  env: { RAMPART_AUDIT_SIGNING_KEY_FILE: `${baseDir}/kill-test-key.pem` },
  retention: false,
  checkpointEveryEvents: 50,
});
process.stdout.write("ready\n");
let next = 0;
async function worker(): Promise<void> {
  while (next < MAX_EVENTS) {
    next += 1;
    const committed = await trail.recordDecision(sampleDecision(next));
    process.stdout.write(`ack ${committed.seq}\n`);
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
await trail.close();
await store.close();
