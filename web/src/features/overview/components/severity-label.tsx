import type { IncidentSeverity } from "@core/api/incidents";
import { CircleAlert, Info, OctagonAlert, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  critical: { icon: OctagonAlert, tone: "bad", label: "Critical" },
  high: { icon: TriangleAlert, tone: "bad", label: "High" },
  medium: { icon: CircleAlert, tone: "warn", label: "Medium" },
  low: { icon: Info, tone: "neutral", label: "Low" },
} as const;

/** A severity as icon, text and colour (never colour alone). */
export function SeverityLabel({ severity }: { severity: IncidentSeverity }) {
  const look = looks[severity];
  return (
    <Badge tone={look.tone}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
