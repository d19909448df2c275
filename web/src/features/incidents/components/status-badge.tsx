import type { IncidentStatus } from "@core/api/incidents";
import { Badge } from "@/components/ui/badge";
import { statusLabels } from "../lib/status-workflow";

const tones = {
  open: "bad",
  triaged: "warn",
  contained: "info",
  resolved: "good",
  closed: "neutral",
} as const;

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge tone={tones[status]}>{statusLabels[status]}</Badge>;
}
