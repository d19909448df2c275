import type { ComplianceRequirement } from "@core/api/compliance";
import { Wrench } from "lucide-react";

/** A requirement's gaps: what is wrong and the recommended action. */
export function GapsList({ gaps }: { gaps: ComplianceRequirement["gaps"] }) {
  return (
    <ul className="flex flex-col gap-2">
      {gaps.map((gap, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no id; one control may have several
        <li key={`${gap.control}-${index}`} className="rounded-md border border-border p-2 text-sm">
          <p>
            <span className="font-mono text-xs">{gap.control}</span>: {gap.problem}
          </p>
          <p className="mt-1 flex items-start gap-1.5">
            <Wrench aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            <span>
              <span className="font-semibold">Recommended action: </span>
              {gap.action}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
