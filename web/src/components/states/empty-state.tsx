import type { ReactNode } from "react";

/** An empty view that names the next action. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-1 rounded-md border border-dashed border-border p-6 text-sm">
      <p className="font-semibold">{title}</p>
      {children && <div className="text-muted-foreground">{children}</div>}
    </div>
  );
}
