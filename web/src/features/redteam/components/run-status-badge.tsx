import type { RedteamRunStatus } from "@core/api/redteam";
import { CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const looks = {
  running: { icon: LoaderCircle, tone: "info", label: "Running", spin: true },
  finished: { icon: CircleCheck, tone: "good", label: "Finished", spin: false },
  failed: { icon: CircleX, tone: "bad", label: "Failed", spin: false },
} as const;

/** A run's status as icon, text and colour. */
export function RunStatusBadge({ status }: { status: RedteamRunStatus }) {
  const look = looks[status];
  return (
    <Badge tone={look.tone}>
      <look.icon aria-hidden="true" className={look.spin ? "motion-safe:animate-spin" : undefined} />
      {look.label}
    </Badge>
  );
}
