import { spawn } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { createAuditRepository } from "../store/repositories/audit-event-repository.js";
import { describeEachDatabase } from "../store/test-support/test-databases.js";
import { formatPublicKey, parsePublicKey } from "./signing-key.js";
import { verifyStore } from "./verify-store.js";

const appendScript = fileURLToPath(new URL("./test-support/append-process.ts", import.meta.url));

/** Acknowledged events to wait for before the kill. */
const ACKS_BEFORE_KILL = 400;

describeEachDatabase("a writer killed with SIGKILL", (database) => {
  for (const durability of ["batched", "sync"] as const) {
    it(`loses no acknowledged event (${durability})`, async () => {
      const opened = await database.open();
      try {
        const { url, baseDir, schema } = opened.location;
        const args = ["--import", "tsx", appendScript, url, baseDir, durability];
        if (schema !== undefined) args.push(schema);
        const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
        const exited = once(child, "exit");
        const acknowledged: number[] = [];
        for await (const line of createInterface({ input: child.stdout })) {
          if (!line.startsWith("ack ")) continue;
          acknowledged.push(Number(line.slice(4)));
          if (acknowledged.length === ACKS_BEFORE_KILL) child.kill("SIGKILL");
        }
        const [, signal] = await exited;
        expect(signal).toBe("SIGKILL");
        expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

        const repository = createAuditRepository(opened.store.db);
        const stored = new Set(
          (await repository.events("node-kill", 0, 1_000_000)).map((event) => event.seq),
        );
        const lost = acknowledged.filter((seq) => !stored.has(seq));
        expect(lost).toEqual([]);
        const key = createPublicKey(readFileSync(`${baseDir}/kill-test-key.pem`, "utf8"));
        const report = await verifyStore(repository, parsePublicKey(formatPublicKey(key)));
        expect(report.firstBreak).toBeNull();
        expect(report.events).toBe(stored.size);
      } finally {
        await opened.dispose();
      }
    }, 60_000);
  }
});
