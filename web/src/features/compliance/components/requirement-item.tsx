import type { ComplianceRequirement } from "@core/api/compliance";
import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { AttestationForm } from "./attestation-form";
import { EvidenceTable } from "./evidence-table";
import { GapsList } from "./gaps-list";
import { ResponsibilityTable } from "./responsibility-table";
import { StatusBadge } from "./status-badge";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-1.5">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** One requirement: its status in the summary line; opened, its controls, evidence, gaps and shared responsibility. */
export function RequirementItem({
  requirement,
  framework,
}: {
  requirement: ComplianceRequirement;
  /** the framework's id, for attestations (none: the item is read-only) */
  framework?: string;
}) {
  const name = `${requirement.id} ${requirement.title}`;
  return (
    <details className="group rounded-md border border-border bg-card">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 p-3 focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
        <StatusBadge status={requirement.status} />
        <span className="font-medium">{name}</span>
        <span className="ml-auto text-xs text-muted-foreground">
          {requirement.evidence.length} evidence · {requirement.gaps.length} gap
          {requirement.gaps.length === 1 ? "" : "s"}
        </span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-border p-3">
        <p className="text-xs text-muted-foreground">
          Controls: {requirement.controls.join(", ") || "none"}
          {requirement.detectors.length > 0 && ` · detectors: ${requirement.detectors.join(", ")}`}
          {requirement.probes.length > 0 && ` · probes: ${requirement.probes.join(", ")}`}
        </p>
        <Section title="Evidence">
          {requirement.evidence.length === 0 ? (
            <EmptyState title="No evidence collected">
              No source checks this requirement's controls yet.
            </EmptyState>
          ) : (
            <EvidenceTable evidence={requirement.evidence} requirement={name} />
          )}
        </Section>
        {requirement.gaps.length > 0 && (
          <Section title="Gaps and recommended actions">
            <GapsList gaps={requirement.gaps} />
          </Section>
        )}
        {requirement.responsibility && requirement.responsibility.length > 0 && (
          <Section title="Shared responsibility">
            <ResponsibilityTable responsibility={requirement.responsibility} requirement={name} />
          </Section>
        )}
        {framework !== undefined && (
          <Section title="Attestation">
            <AttestationForm framework={framework} requirement={requirement} />
          </Section>
        )}
      </div>
    </details>
  );
}
