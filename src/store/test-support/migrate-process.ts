/**
 * Runs the migrations in a process of its own, so that a test can race two processes against one
 * database. Arguments: <storage url> <base dir> [schema]. It opens the store, prints "ready", waits
 * for a line on stdin (the starting signal, sent to both at once), migrates and prints the names
 * it applied as JSON.
 */
import { once } from "node:events";
import { openDatabase } from "../database.js";
import { migrateToLatest } from "../migrate.js";

const [url = "", baseDir = ".", schema] = process.argv.slice(2);
const store = await openDatabase(url, { baseDir, schema, poolSize: 2 });
try {
  process.stdout.write("ready\n");
  await once(process.stdin, "data");
  process.stdout.write(`${JSON.stringify(await migrateToLatest(store))}\n`);
} finally {
  await store.close();
  process.stdin.destroy();
}
