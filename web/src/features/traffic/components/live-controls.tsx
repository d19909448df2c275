import { Pause, Play, Radio } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format";
import type { LiveEvents } from "../api/use-live-events";

function streamLabel(live: LiveEvents): { text: string; tone: "good" | "warn" | "neutral" } {
  if (live.paused) return { text: `Paused: ${formatCount(live.held.length)} new waiting`, tone: "warn" };
  switch (live.stream) {
    case "open":
      return { text: "Live", tone: "good" };
    case "connecting":
      return { text: "Connecting…", tone: "neutral" };
    case "reconnecting":
      return { text: "Reconnecting…", tone: "warn" };
    case "closed":
      return { text: "Not live", tone: "neutral" };
  }
}

/** Whether new events arrive, how many did, and the Pause/Resume toggle. */
export function LiveControls({ live }: { live: LiveEvents }) {
  const label = streamLabel(live);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Badge tone={label.tone}>
        <Radio aria-hidden="true" />
        {label.text}
      </Badge>
      <span className="text-muted-foreground">{formatCount(live.received)} new since this page opened</span>
      {live.paused ? (
        <Button variant="outline" size="sm" onClick={live.resume}>
          <Play aria-hidden="true" /> Resume live updates
        </Button>
      ) : (
        <Button variant="outline" size="sm" onClick={live.pause}>
          <Pause aria-hidden="true" /> Pause live updates
        </Button>
      )}
    </div>
  );
}
