import { CircleAlert, Info, OctagonAlert, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  low: { icon: Info, tone: "neutral", label: "Low" },
  medium: { icon: CircleAlert, tone: "warn", label: "Medium" },
  high: { icon: TriangleAlert, tone: "bad", label: "High" },
  critical: { icon: OctagonAlert, tone: "bad", label: "Critical" },
} as const;

/** A finding's severity as icon, text and colour; a severity the dashboard does not know is shown as is. */
export function SeverityBadge({ severity }: { severity: string }) {
  const look = looks[severity as keyof typeof looks];
  if (look === undefined)
    return (
      <Badge>
        <Info aria-hidden="true" />
        {severity}
      </Badge>
    );
  return (
    <Badge tone={look.tone} className={severity === "critical" ? "font-bold uppercase" : undefined}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
