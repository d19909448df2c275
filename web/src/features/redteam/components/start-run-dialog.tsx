import type { RedteamRunSummary } from "@core/api/redteam";
import { useQuery } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useState } from "react";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { useCan } from "@/lib/session";
import { targetsQuery } from "../api/queries";
import { StartRunForm } from "./start-run-form";

function StartRunPanel({ onStarted }: { onStarted: (run: RedteamRunSummary) => void }) {
  const query = useQuery(targetsQuery());
  return (
    <QueryView query={query} scope="redteam:read" rows={6}>
      {(offer) => <StartRunForm offer={offer} onStarted={onStarted} />}
    </QueryView>
  );
}

/**
 * "Start a run": a dialog with the run form, for roles with redteam:run; other roles see the button
 * disabled with the reason.
 */
export function StartRunDialog() {
  const { can, reason } = useCan("redteam:run");
  const [open, setOpen] = useState(false);
  if (!can)
    return (
      <div className="flex flex-col items-end gap-1">
        <Button disabled aria-describedby="start-run-reason">
          <Play aria-hidden="true" /> Start a run
        </Button>
        <p id="start-run-reason" className="text-xs text-muted-foreground">
          Starting a run {reason}.
        </p>
      </div>
    );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Play aria-hidden="true" /> Start a run
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogTitle>Start a red-team run</DialogTitle>
        <DialogDescription>
          The run executes in the server in the background; the list shows its progress. Through the gateway
          the policy is tested; an upstream directly tests the model alone.
        </DialogDescription>
        <StartRunPanel onStarted={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
