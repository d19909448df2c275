import type { SinkEvent } from "./sink.js";

/** The OCSF schema version the records follow. */
export const OCSF_VERSION = "1.3.0";

/** OCSF class and category ids used here. */
const DETECTION_FINDING = { classUid: 2004, categoryUid: 2 } as const;
const API_ACTIVITY = { classUid: 6003, categoryUid: 6 } as const;

/** OCSF severity_id by verdict: 1 informational, 2 low, 3 medium, 4 high. */
const severityByVerdict: Readonly<Record<string, number>> = { allow: 1, flag: 2, redact: 3, block: 4 };

/** API Activity activity_id by the verb that ends a management action: 1 create, 2 read, 3 update, 4 delete. */
const activityByVerb: Readonly<Record<string, number>> = {
  create: 1,
  read: 2,
  update: 3,
  revoke: 3,
  reload: 3,
  delete: 4,
};

interface DecisionShape {
  requestId?: string;
  endpoint?: string;
  verdict?: string;
  status?: number;
  model?: string | null;
  categories?: string[];
  findings?: { detector: string; category: string; rule: string; score: number }[];
  principal?: { keyId: string; role: string; app: string | null } | null;
}

/**
 * An OCSF-shaped record: a gateway decision with findings becomes a Detection Finding (2004);
 * every other event (clean decisions, management changes, runs) an API Activity (6003). Rampart's
 * own fields (node, seq, hash) go in `unmapped` so a SIEM record leads back to the chain.
 */
export function toOcsf(event: SinkEvent): Record<string, unknown> {
  const { envelope } = event;
  const time = Date.parse(envelope.at);
  const metadata = {
    version: OCSF_VERSION,
    uid: `${envelope.node}:${envelope.seq}`,
    log_name: "rampart-audit",
    product: { name: "Rampart", vendor_name: "Rampart" },
  };
  const unmapped = {
    rampart: { node: envelope.node, seq: envelope.seq, hash: event.hash, type: envelope.type },
  };
  const actor =
    envelope.actor === null
      ? undefined
      : { user: { uid: envelope.actor.id, type: envelope.actor.role ?? envelope.actor.kind } };
  if (envelope.type === "gateway.decision") {
    const decision = envelope.payload as DecisionShape;
    const findings = decision.findings ?? [];
    if (findings.length > 0 || (decision.verdict !== undefined && decision.verdict !== "allow")) {
      const activityId = 1;
      return {
        class_uid: DETECTION_FINDING.classUid,
        category_uid: DETECTION_FINDING.categoryUid,
        activity_id: activityId,
        type_uid: DETECTION_FINDING.classUid * 100 + activityId,
        time,
        severity_id: severityByVerdict[decision.verdict ?? "allow"] ?? 1,
        status_id: 1,
        metadata,
        finding_info: {
          uid: decision.requestId ?? metadata.uid,
          title: `LLM ${decision.verdict ?? "flag"}: ${(decision.categories ?? []).join(", ") || "policy"}`,
          types: decision.categories ?? [],
          analytic:
            findings[0] === undefined
              ? undefined
              : { name: findings[0].detector, uid: findings[0].rule, type_id: 1 },
        },
        evidences: findings.map((finding) => ({
          data: {
            detector: finding.detector,
            category: finding.category,
            rule: finding.rule,
            score: finding.score,
          },
        })),
        disposition_id: decision.verdict === "block" ? 2 : 1,
        actor,
        resources: decision.model == null ? [] : [{ name: decision.model, type: "llm" }],
        unmapped,
      };
    }
    return apiActivity(
      1,
      decision.endpoint ?? "",
      (decision.status ?? 200) < 400,
      time,
      metadata,
      actor,
      unmapped,
    );
  }
  if (envelope.type === "management.change") {
    const action = String(envelope.payload.action ?? "");
    const verb = action.split(".").at(-1) ?? "";
    return apiActivity(activityByVerb[verb] ?? 99, action, true, time, metadata, actor, unmapped);
  }
  return apiActivity(99, envelope.type, true, time, metadata, actor, unmapped);
}

function apiActivity(
  activityId: number,
  operation: string,
  success: boolean,
  time: number,
  metadata: Record<string, unknown>,
  actor: Record<string, unknown> | undefined,
  unmapped: Record<string, unknown>,
): Record<string, unknown> {
  return {
    class_uid: API_ACTIVITY.classUid,
    category_uid: API_ACTIVITY.categoryUid,
    activity_id: activityId,
    type_uid: API_ACTIVITY.classUid * 100 + activityId,
    time,
    severity_id: 1,
    status_id: success ? 1 : 2,
    metadata,
    api: { operation, service: { name: "rampart" } },
    actor,
    unmapped,
  };
}
