import type { Governance } from "./governance-schema.js";

/** One stored governance record: a kind, an id unique within the kind, its place, and its body. */
export interface GovernanceRecord {
  readonly kind: string;
  readonly id: string;
  readonly position: number;
  readonly body: unknown;
}

/** The record kinds, in the order they are listed. */
export const RECORD_KINDS = [
  "model",
  "dataset",
  "application",
  "system-prompt",
  "vendor",
  "tool",
  "raci",
  "risk",
  "policy",
  "data-class",
  "acceptable-use",
  "audit",
  "training-module",
  "training-person",
  "training-completion",
  "attestation",
] as const;

const indexId = (index: number): string => String(index).padStart(6, "0");

function listed(
  kind: string,
  items: readonly unknown[],
  idOf: (item: never, index: number) => string,
): GovernanceRecord[] {
  return items.map((body, position) => ({ kind, id: idOf(body as never, position), position, body }));
}

const byId = (item: { id: string }): string => item.id;

/** Flattens the folder's sections into records (the store's rows). */
export function toRecords(governance: Governance): GovernanceRecord[] {
  const { assets, training } = governance;
  return [
    ...listed("model", assets.models, byId),
    ...listed("dataset", assets.datasets, byId),
    ...listed("application", assets.applications, byId),
    ...listed("system-prompt", assets.systemPrompts, byId),
    ...listed("vendor", assets.vendors, byId),
    ...listed("tool", assets.tools, byId),
    ...Object.entries(governance.raci).map(([id, body], position) => ({ kind: "raci", id, position, body })),
    ...listed("risk", governance.risks, byId),
    ...listed("policy", governance.policies, byId),
    ...listed("data-class", governance.classification, byId),
    ...listed("acceptable-use", governance.acceptableUse, (_item, index) => indexId(index)),
    ...listed("audit", governance.audits, byId),
    ...listed("training-module", training.modules, byId),
    ...Object.entries(training.people).map(([id, body], position) => ({
      kind: "training-person",
      id,
      position,
      body,
    })),
    ...listed("training-completion", training.completions, (_item, index) => indexId(index)),
    ...listed("attestation", governance.attestations, (_item, index) => indexId(index)),
  ];
}

/** Rebuilds the sections from records (any order); the result still has to pass the schema. */
export function fromRecords(records: readonly GovernanceRecord[]): unknown {
  const sorted = [...records].sort((a, b) => a.position - b.position);
  const bodies = (kind: string): unknown[] =>
    sorted.filter((record) => record.kind === kind).map((r) => r.body);
  const entries = (kind: string): Record<string, unknown> =>
    Object.fromEntries(
      sorted.filter((record) => record.kind === kind).map((record) => [record.id, record.body]),
    );
  return {
    assets: {
      models: bodies("model"),
      datasets: bodies("dataset"),
      applications: bodies("application"),
      systemPrompts: bodies("system-prompt"),
      vendors: bodies("vendor"),
      tools: bodies("tool"),
    },
    raci: entries("raci"),
    risks: bodies("risk"),
    policies: bodies("policy"),
    classification: bodies("data-class"),
    acceptableUse: bodies("acceptable-use"),
    audits: bodies("audit"),
    training: {
      modules: bodies("training-module"),
      people: entries("training-person"),
      completions: bodies("training-completion"),
    },
    attestations: bodies("attestation"),
  };
}

export interface RecordChange {
  readonly change: "add" | "update" | "remove";
  readonly kind: string;
  readonly id: string;
}

const key = (record: GovernanceRecord): string => `${record.kind}\u0000${record.id}`;
const same = (a: GovernanceRecord, b: GovernanceRecord): boolean =>
  a.position === b.position && JSON.stringify(a.body) === JSON.stringify(b.body);

/** What applying `next` over `current` changes, in record-kind order. */
export function diffRecords(
  current: readonly GovernanceRecord[],
  next: readonly GovernanceRecord[],
): RecordChange[] {
  const before = new Map(current.map((record) => [key(record), record]));
  const after = new Map(next.map((record) => [key(record), record]));
  const changes: RecordChange[] = [];
  for (const record of next) {
    const old = before.get(key(record));
    if (old === undefined) changes.push({ change: "add", kind: record.kind, id: record.id });
    else if (!same(old, record)) changes.push({ change: "update", kind: record.kind, id: record.id });
  }
  for (const record of current)
    if (!after.has(key(record))) changes.push({ change: "remove", kind: record.kind, id: record.id });
  const order = (kind: string): number => RECORD_KINDS.indexOf(kind as (typeof RECORD_KINDS)[number]);
  return changes.sort((a, b) => order(a.kind) - order(b.kind));
}
