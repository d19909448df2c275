import type { ComplianceStatus } from "@core/api/compliance";
import { BadgeCheck, CircleCheck, CircleDashed, CircleMinus, CircleX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { statusLabels, statusTones } from "../lib/status";

const icons = {
  met: CircleCheck,
  attested: BadgeCheck,
  partial: CircleDashed,
  "not-met": CircleX,
  "not-applicable": CircleMinus,
} as const;

/** A requirement's status as icon, text and colour. */
export function StatusBadge({ status }: { status: ComplianceStatus }) {
  const Icon = icons[status];
  return (
    <Badge tone={statusTones[status]}>
      <Icon aria-hidden="true" />
      {statusLabels[status]}
    </Badge>
  );
}
