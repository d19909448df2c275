import type { IncidentSeverity } from "@core/api/incidents";
import { CircleAlert, Info, OctagonAlert, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  low: { icon: Info, tone: "neutral", label: "Low" },
  medium: { icon: CircleAlert, tone: "warn", label: "Medium" },
  high: { icon: TriangleAlert, tone: "bad", label: "High" },
  critical: { icon: OctagonAlert, tone: "bad", label: "Critical" },
} as const;

/** Severity as icon, text and colour (never colour alone). */
export function SeverityBadge({ severity }: { severity: IncidentSeverity }) {
  const look = looks[severity];
  return (
    <Badge tone={look.tone} className={severity === "critical" ? "font-bold uppercase" : undefined}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
