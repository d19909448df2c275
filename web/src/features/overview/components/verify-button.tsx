import { ShieldCheck } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client";
import { formatCount } from "@/lib/format";
import { useCan } from "@/lib/session";
import { useVerifyAudit } from "../api/mutations";

/**
 * "Verify now": replays every chain on the server (recorded as an audit.verification event) and says
 * the result in a status line. Disabled with the reason for a role without audit:read.
 */
export function VerifyButton() {
  const { can, reason } = useCan("audit:read");
  const verify = useVerifyAudit();
  const reasonId = useId();
  const result = verify.data;
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="outline"
        size="sm"
        disabled={!can || verify.isPending}
        aria-describedby={can ? undefined : reasonId}
        onClick={() => verify.mutate()}
      >
        <ShieldCheck aria-hidden="true" />
        {verify.isPending ? "Verifying…" : "Verify now"}
      </Button>
      {!can && (
        <p id={reasonId} className="text-xs text-muted-foreground">
          Verifying {reason}.
        </p>
      )}
      <p role="status" className="text-sm">
        {result === undefined
          ? ""
          : result.ok
            ? `Verified ${formatCount(result.events)} events on ${formatCount(result.nodes)} node${result.nodes === 1 ? "" : "s"}, ${formatCount(result.checkpoints)} checkpoints and ${formatCount(result.contents)} stored contents: the chain is intact.`
            : `The chain is broken at ${result.firstBreak?.node ?? "?"}:${result.firstBreak?.seq ?? "?"}: ${result.firstBreak?.reason ?? "unknown reason"}.`}
      </p>
      {verify.isError && (
        <p role="alert" className="text-sm text-bad-foreground">
          Verification failed: {verify.error.message}
          {verify.error instanceof ApiError && verify.error.requestId
            ? ` (request id ${verify.error.requestId})`
            : ""}
        </p>
      )}
    </div>
  );
}
