import type { PolicyView } from "@core/api/governance";
import { Archive, CheckCircle2, Clock, FilePen } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  draft: { icon: FilePen, tone: "neutral", label: "Draft" },
  "in-review": { icon: Clock, tone: "warn", label: "In review" },
  approved: { icon: CheckCircle2, tone: "good", label: "Approved" },
  retired: { icon: Archive, tone: "neutral", label: "Retired" },
} as const;

/** A policy's approval state as icon, text and colour. */
export function PolicyStateBadge({ state }: { state: PolicyView["state"] }) {
  const look = looks[state];
  return (
    <Badge tone={look.tone}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
