import type { AuditRun } from "@core/api/governance";
import { CircleCheck, CircleHelp, CircleX } from "lucide-react";

type Result = AuditRun["results"][number];

/** One automated check's outcome as icon and text; "not available" is never shown as passed. */
export function CheckResult({ result }: { result: Result }) {
  const look =
    result.passed === true
      ? { icon: CircleCheck, label: "passed", className: "text-good-foreground" }
      : result.passed === false
        ? { icon: CircleX, label: "failed", className: "text-bad-foreground" }
        : { icon: CircleHelp, label: "not available", className: "text-muted-foreground" };
  return (
    <li className="flex flex-col gap-0.5">
      <span className="flex items-center gap-2">
        <look.icon aria-hidden="true" className={`size-4 ${look.className}`} />
        <code>{result.check}</code>
        <span className={`font-medium ${look.className}`}>{look.label}</span>
      </span>
      {result.problems.length > 0 && (
        <ul className="ml-6 list-disc pl-4 text-xs text-muted-foreground">
          {result.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
