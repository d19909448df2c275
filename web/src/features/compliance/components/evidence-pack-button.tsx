import { PackageCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/session";
import { useDownloadEvidencePack } from "../api/mutations";

/**
 * Builds and downloads the signed evidence pack (.tar.gz) of some frameworks or all of them. It
 * carries the audit trail's export, so it needs audit:read besides governance:read.
 */
export function EvidencePackButton({ frameworks, label }: { frameworks?: string[]; label: string }) {
  const governance = useCan("governance:read");
  const audit = useCan("audit:read");
  const pack = useDownloadEvidencePack();
  const reason = !governance.can ? governance.reason : !audit.can ? audit.reason : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="outline"
        disabled={reason !== null || pack.isPending}
        aria-describedby={reason === null ? undefined : "evidence-pack-reason"}
        onClick={() => pack.mutate(frameworks === undefined ? {} : { frameworks })}
      >
        <PackageCheck aria-hidden="true" /> {pack.isPending ? "Building the evidence pack…" : label}
      </Button>
      {reason !== null && (
        <p id="evidence-pack-reason" className="text-xs text-muted-foreground">
          The evidence pack {reason}.
        </p>
      )}
      {pack.isError && (
        <p role="alert" className="max-w-md text-right text-sm text-bad-foreground">
          The evidence pack could not be built: {pack.error.message}
        </p>
      )}
    </div>
  );
}
