import type { ContainmentView } from "@core/api/incidents";
import { Button } from "@/components/ui/button";
import { formatTime } from "@/lib/format";
import { useCan } from "@/lib/session";
import { useLiftContainment } from "../api/mutations";
import { containmentActionInfo } from "../lib/containment-options";

/** The containment actions run for this incident; active ones may be lifted (a revoked key stays revoked). */
export function ActiveContainments({
  incidentId,
  containments,
}: {
  incidentId: string;
  containments: readonly ContainmentView[];
}) {
  const { can, reason } = useCan("containment:execute");
  const lift = useLiftContainment(incidentId);
  if (containments.length === 0)
    return (
      <p className="text-sm text-muted-foreground">No containment action has been run for this incident.</p>
    );
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">Actions run</h3>
      <ul className="flex flex-col gap-2 text-sm">
        {containments.map((entry) => {
          const parameters = Object.entries(entry.parameters);
          return (
            <li key={entry.id} className="rounded-md border border-border p-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <strong>{containmentActionInfo[entry.action].label}</strong>{" "}
                  <code className="break-all">{entry.target}</code>
                </span>
                {entry.liftedAt === null && entry.action !== "revoke-key" && (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={!can || lift.isPending}
                    aria-describedby={can ? undefined : "lift-reason"}
                    onClick={() => lift.mutate(entry.id)}
                  >
                    Lift
                  </Button>
                )}
              </div>
              <p className="text-xs text-muted-foreground">
                {formatTime(entry.createdAt)} by {entry.createdBy}
                {parameters.length > 0 &&
                  ` · ${parameters.map(([name, value]) => `${name}=${value}`).join(", ")}`}
                {entry.liftedAt === null
                  ? entry.action === "revoke-key"
                    ? " · key revoked"
                    : " · active"
                  : ` · lifted ${formatTime(entry.liftedAt)}`}
              </p>
            </li>
          );
        })}
      </ul>
      {!can && (
        <p id="lift-reason" className="text-xs text-muted-foreground">
          Lifting {reason}.
        </p>
      )}
      {lift.isError && (
        <p role="alert" className="text-sm text-bad-foreground">
          {lift.error.message}
        </p>
      )}
    </div>
  );
}
