import type { Scope } from "@core/roles";
import { Lock } from "lucide-react";

/** Shown where the signed-in role lacks the scope a view needs. */
export function ForbiddenState({ scope }: { scope: Scope }) {
  return (
    <div role="note" className="flex items-center gap-2 rounded-md border border-border bg-muted p-4 text-sm">
      <Lock aria-hidden="true" className="size-4" />
      <span>
        This needs the <code>{scope}</code> scope, which your role does not have.
      </span>
    </div>
  );
}
