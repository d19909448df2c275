import type { AcceptableUseRule } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/components/states/error-state";
import { LoadingState } from "@/components/states/loading-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { compileQuery } from "../api/queries";

/**
 * What the matrix compiles to, from the server's dry run: the gateway rules, the compiler's notes
 * and the line diff against the running policy ("+ " added, "- " removed; the sign is text).
 */
export function CompilePreview({ rules }: { rules: readonly AcceptableUseRule[] }) {
  const query = useQuery(compileQuery(rules));
  if (query.isPending) return <LoadingState rows={4} label="Compiling the matrix" />;
  if (query.isError)
    return (
      <ErrorState
        error={query.error}
        title="The matrix could not be compiled"
        retry={() => void query.refetch()}
      />
    );
  const result = query.data;
  return (
    <div className="flex flex-col gap-3" aria-busy={query.isPlaceholderData || undefined}>
      <p role="status" className="text-sm">
        {query.isPlaceholderData
          ? "Compiling the latest change…"
          : result.changed
            ? `Differs from the running policy: ${result.added.length} rule${result.added.length === 1 ? "" : "s"} to add, ${result.removed.length} to remove.`
            : "The running policy already enforces this matrix."}
      </p>
      {result.notes.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-muted-foreground">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="au-diff-title">
        <h3 id="au-diff-title" className="mb-1 text-sm font-semibold">
          Diff against the running policy
        </h3>
        {result.diff.length === 0 ? (
          <p className="text-sm text-muted-foreground">No difference.</p>
        ) : (
          <pre className="overflow-x-auto rounded-md border border-border p-2 text-xs">
            {result.diff.map((line, index) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: diff lines may repeat; their order is their identity
                key={index}
                className={cn(
                  line.startsWith("+") && "bg-good/10 text-good-foreground",
                  line.startsWith("-") && "bg-destructive/10 text-bad-foreground",
                )}
              >
                {line}
              </div>
            ))}
          </pre>
        )}
      </section>
      <Table aria-label="Gateway rules the matrix compiles to">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Role</TableHead>
            <TableHead scope="col">Model or tool</TableHead>
            <TableHead scope="col">Data class</TableHead>
            <TableHead scope="col">Decision</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.compiled.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the gateway takes rules in this order
            <TableRow key={index}>
              <TableCell>{rule.role}</TableCell>
              <TableCell>{rule.model}</TableCell>
              <TableCell>{rule.dataClass}</TableCell>
              <TableCell>
                {rule.decision}
                {rule.reason && <div className="text-xs text-muted-foreground">{rule.reason}</div>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
