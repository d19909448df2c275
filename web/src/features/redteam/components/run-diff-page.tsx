import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { runListQuery } from "../api/queries";
import { comparabilityNotes } from "../lib/run-diff";
import { previousComparableRun } from "../lib/run-status";
import type { RunDiffSearch } from "../lib/search";
import { DiffResult } from "./diff-result";
import { RunPicker } from "./run-picker";

/**
 * The diff of two runs, chosen in the URL (`base`, `head`). Without a base, the newest earlier run
 * against the head's target and model is proposed.
 */
export function RunDiffPage({ search }: { search: RunDiffSearch }) {
  const query = useQuery(runListQuery());
  const navigate = useNavigate();
  const choose = (next: RunDiffSearch) => void navigate({ to: "/redteam/diff", search: next });
  return (
    <>
      <PageHeader
        title="Compare runs"
        description="Regressions are attacks that now work; fixes are attacks that stopped working. Compare runs with the same seed, probes and strategies."
      />
      <QueryView query={query} scope="redteam:read" rows={4}>
        {(runs) => {
          const comparable = runs.filter((run) => run.reportAvailable);
          if (comparable.length < 2)
            return (
              <EmptyState title="Two runs with reports are needed">
                Start two runs against a target (before and after a change) to compare them here. Runs saved
                by the CLI keep their report on the machine that ran them: compare those with{" "}
                <code>rampart redteam diff</code>.
              </EmptyState>
            );
          const headRun = comparable.find((run) => run.id === search.head);
          const base = search.base ?? (headRun ? previousComparableRun(comparable, headRun)?.id : undefined);
          const baseRun = comparable.find((run) => run.id === base);
          const notes = baseRun && headRun ? comparabilityNotes(baseRun, headRun) : [];
          return (
            <div className="flex flex-col gap-4">
              <div className="flex flex-wrap gap-4">
                <RunPicker
                  id="diff-base"
                  label="Base run (before)"
                  runs={comparable}
                  value={base}
                  onChange={(id) => choose({ base: id, head: search.head })}
                />
                <RunPicker
                  id="diff-head"
                  label="Head run (after)"
                  runs={comparable}
                  value={search.head}
                  onChange={(id) => choose({ base, head: id })}
                />
              </div>
              {base === undefined || search.head === undefined ? (
                <EmptyState title="Choose two runs">
                  Pick the run before a change as the base and the run after it as the head.
                </EmptyState>
              ) : base === search.head ? (
                <EmptyState title="Choose two different runs">
                  A run compared with itself has no changes.
                </EmptyState>
              ) : (
                <>
                  {notes.length > 0 && (
                    <ul
                      aria-label="Before you compare"
                      className="rounded-md border border-warn/40 bg-warn/10 p-3 text-sm text-warn-foreground"
                    >
                      {notes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  )}
                  <DiffResult base={base} head={search.head} />
                </>
              )}
            </div>
          );
        }}
      </QueryView>
    </>
  );
}
