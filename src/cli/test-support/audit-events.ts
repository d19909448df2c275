import type { AuditActor, AuditEventType } from "../../audit/event-schema.js";
import { loadConfig } from "../../config/index.js";
import { openDatabase } from "../../store/index.js";
import { createAuditRepository } from "../../store/repositories/audit-event-repository.js";

export interface TrailEvent {
  node: string;
  seq: number;
  type: AuditEventType;
  actor: AuditActor | null;
  payload: Record<string, unknown>;
}

/** Every audit event in the store of a configuration file, node by node, each node in seq order. */
export async function trailEvents(configFile: string): Promise<TrailEvent[]> {
  const loaded = loadConfig({ file: configFile });
  const store = await openDatabase(loaded.config.storage.url, { baseDir: loaded.baseDir });
  try {
    const repository = createAuditRepository(store.db);
    const events: TrailEvent[] = [];
    for (const node of await repository.nodes()) {
      for (const event of await repository.events(node, 0, 10_000)) {
        const envelope = JSON.parse(event.envelope) as Omit<TrailEvent, "node" | "seq">;
        events.push({
          node,
          seq: event.seq,
          type: envelope.type,
          actor: envelope.actor,
          payload: envelope.payload,
        });
      }
    }
    return events;
  } finally {
    await store.close();
  }
}

/** The management changes of the trail as `{actor, action, target, changes?}`, oldest first per node. */
export async function trailChanges(configFile: string) {
  return (await trailEvents(configFile))
    .filter((event) => event.type === "management.change")
    .map((event) => ({
      node: event.node,
      actor: event.actor,
      ...(event.payload as { action: string; target: { kind: string; id: string }; changes?: unknown }),
    }));
}
