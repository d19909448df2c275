import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { RaciProblem } from "../lib/raci";

/**
 * The error summary above the RACI grid, updated on every change. Each problem has the id the
 * grid's cells point to with aria-describedby.
 */
export function RaciProblems({ problems }: { problems: readonly RaciProblem[] }) {
  return (
    <div aria-live="polite" aria-atomic="false">
      {problems.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-good-foreground">
          <CheckCircle2 aria-hidden="true" className="size-4" />
          Every activity has exactly one A and at least one R.
        </p>
      ) : (
        <section
          aria-labelledby="raci-problems-title"
          className="rounded-md border border-destructive/50 bg-destructive/5 p-3 text-sm"
        >
          <h2 id="raci-problems-title" className="flex items-center gap-2 font-semibold">
            <AlertTriangle aria-hidden="true" className="size-4" />
            {problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before saving
          </h2>
          <ul className="mt-1 list-disc pl-6">
            {problems.map((problem) => (
              <li key={problem.id} id={problem.id}>
                <strong>{problem.activity}</strong> {problem.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
