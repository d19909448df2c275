import type { AuditEventRow } from "@core/api/audit";
import { Ban, Check, EyeOff, Flag } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  allow: { icon: Check, tone: "good", label: "Allowed" },
  flag: { icon: Flag, tone: "warn", label: "Flagged" },
  redact: { icon: EyeOff, tone: "info", label: "Redacted" },
  block: { icon: Ban, tone: "bad", label: "Blocked" },
} as const;

/** A decision's verdict as icon, text and colour (never colour alone); "—" for events without one. */
export function VerdictBadge({ verdict }: { verdict: AuditEventRow["verdict"] }) {
  if (verdict === null) return <span className="text-muted-foreground">—</span>;
  const look = looks[verdict];
  return (
    <Badge tone={look.tone}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
