import {
  type AuditEventDetail,
  type AuditEventRow,
  auditEventDetailSchema,
  auditEventRowSchema,
} from "@core/api/audit";

/** Test data for the traffic feature, parsed by the contract's schemas so it cannot drift. */
export function rowFixture(overrides: Partial<AuditEventRow> = {}): AuditEventRow {
  const seq = overrides.seq ?? 1;
  const node = overrides.node ?? "node-a";
  return auditEventRowSchema.parse({
    id: `${node}:${seq}`,
    node,
    seq,
    at: "2026-11-20T10:00:00.000Z",
    kind: "gateway.decision",
    requestId: `req_${seq}`,
    principal: { kind: "key", id: "key_support", name: "support bot", role: null },
    app: "support",
    model: "rampart-demo",
    upstream: "demo",
    status: 200,
    verdict: "allow",
    categories: [],
    latencyMs: 12.5,
    action: null,
    ...overrides,
  });
}

export function detailFixture(overrides: Partial<AuditEventDetail> = {}): AuditEventDetail {
  const event =
    overrides.event ?? rowFixture({ verdict: "block", categories: ["prompt-injection"], status: 400 });
  return auditEventDetailSchema.parse({
    event,
    hash: "ab".repeat(32),
    envelope: {
      schemaVersion: 1,
      node: event.node,
      seq: event.seq,
      at: event.at,
      type: event.kind,
      actor: { kind: "key", id: "key_support" },
      payload: { verdict: event.verdict, requestId: event.requestId },
      content: null,
      prevHash: "cd".repeat(32),
    },
    findings: [
      {
        detector: "prompt-injection",
        category: "prompt-injection",
        rule: "ignore-previous",
        type: null,
        score: 0.97,
        direction: "input",
        start: 0,
        end: 31,
      },
    ],
    spanUnit: "utf16-code-unit",
    content: null,
    ...overrides,
  });
}
