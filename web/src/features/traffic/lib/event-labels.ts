import type { AuditEventKind, AuditEventRow } from "@core/api/audit";

export const kindLabels: Record<AuditEventKind, string> = {
  "gateway.decision": "Gateway decision",
  "management.change": "Management change",
  "redteam.run": "Red-team run",
  "audit.verification": "Audit verification",
  "audit.pruned": "Audit pruned",
};

const shortKindLabels: Record<AuditEventKind, string> = {
  "gateway.decision": "Decision",
  "management.change": "Change",
  "redteam.run": "Red-team run",
  "audit.verification": "Verification",
  "audit.pruned": "Pruned",
};

/** What happened, for a table cell: "Decision", "Change: key.revoke". */
export function shortEventLabel(row: Pick<AuditEventRow, "kind" | "action">): string {
  return row.action === null ? shortKindLabels[row.kind] : `${shortKindLabels[row.kind]}: ${row.action}`;
}

/** What happened, in a few words: the kind, and a management change's action. */
export function eventLabel(row: Pick<AuditEventRow, "kind" | "action">): string {
  return row.action === null ? kindLabels[row.kind] : `${kindLabels[row.kind]}: ${row.action}`;
}

/** Who caused it: the key's name (or id), the CLI or Rampart itself. */
export function principalLabel(principal: AuditEventRow["principal"]): string {
  if (principal === null) return "—";
  if (principal.kind === "cli") return "CLI";
  if (principal.kind === "system") return "Rampart";
  const who = principal.name ?? principal.id;
  return principal.kind === "admin" ? `${who} (admin${principal.role ? `, ${principal.role}` : ""})` : who;
}
