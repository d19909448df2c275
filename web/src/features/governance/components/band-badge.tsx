import { CircleAlert, Info, OctagonAlert, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { RiskBand } from "../lib/risk-heat-map";

const looks = {
  low: { icon: Info, tone: "good", label: "Low" },
  medium: { icon: CircleAlert, tone: "warn", label: "Medium" },
  high: { icon: TriangleAlert, tone: "bad", label: "High" },
  critical: { icon: OctagonAlert, tone: "bad", label: "Critical" },
} as const;

/** A risk band or finding severity as icon, text and colour (never colour alone). */
export function BandBadge({ band, prefix }: { band: RiskBand; prefix?: string }) {
  const look = looks[band];
  return (
    <Badge tone={look.tone} className={band === "critical" ? "font-bold uppercase" : undefined}>
      <look.icon aria-hidden="true" />
      {prefix ? `${prefix} ${look.label.toLowerCase()}` : look.label}
    </Badge>
  );
}
