import { Ban, CircleAlert, Info, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  prohibited: { icon: Ban, tone: "bad", label: "Prohibited" },
  high: { icon: TriangleAlert, tone: "bad", label: "High risk" },
  limited: { icon: CircleAlert, tone: "warn", label: "Limited risk" },
  minimal: { icon: Info, tone: "good", label: "Minimal risk" },
} as const;

/** An EU AI Act risk tier as icon, text and colour. */
export function TierBadge({ tier }: { tier: string | null }) {
  if (tier === null) return <span className="text-muted-foreground">—</span>;
  const look = looks[tier as keyof typeof looks];
  if (look === undefined) return <Badge>{tier}</Badge>;
  return (
    <Badge tone={look.tone}>
      <look.icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}
