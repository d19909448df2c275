import { Ban, Check, CircleAlert } from "lucide-react";

const looks = {
  allowed: { icon: Check, label: "Allowed", className: "text-good-foreground" },
  conditional: { icon: CircleAlert, label: "Conditional", className: "text-warn-foreground" },
  prohibited: { icon: Ban, label: "Prohibited", className: "text-bad-foreground" },
} as const;

/** An acceptable-use decision as icon and text; an empty cell says there is no rule. */
export function DecisionView({ decision }: { decision: string | undefined }) {
  const look = decision === undefined ? undefined : looks[decision as keyof typeof looks];
  if (look === undefined)
    return (
      <>
        <span aria-hidden="true" className="text-muted-foreground">
          ·
        </span>
        <span className="sr-only">no rule</span>
      </>
    );
  return (
    <span className={`inline-flex items-center gap-1 text-xs font-medium ${look.className}`}>
      <look.icon aria-hidden="true" className="size-3.5" />
      {look.label}
    </span>
  );
}
