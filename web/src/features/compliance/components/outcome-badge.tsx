import type { ComplianceEvidence } from "@core/api/compliance";
import { CircleCheck, CircleHelp, CircleX, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  pass: { icon: CircleCheck, tone: "good", label: "Pass" },
  fail: { icon: CircleX, tone: "bad", label: "Fail" },
  stale: { icon: Clock, tone: "warn", label: "Stale" },
  none: { icon: CircleHelp, tone: "neutral", label: "No evidence" },
} as const;

/** An evidence check's outcome as icon, text and colour. */
export function OutcomeBadge({ outcome }: { outcome: ComplianceEvidence["outcome"] }) {
  const look = looks[outcome];
  return (
    <Badge tone={look.tone}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
