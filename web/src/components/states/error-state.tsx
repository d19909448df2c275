import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client";

/** What failed, what to do, and the request id to look up in the server log; with retry when it may help. */
export function ErrorState({
  error,
  title = "This could not be loaded",
  retry,
}: {
  error: unknown;
  title?: string;
  retry?: () => void;
}) {
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : null;
  const hint =
    error instanceof ApiError && error.status === 0
      ? "Start the server (`rampart serve`) and retry."
      : error instanceof ApiError && error.status >= 500
        ? "The server failed; the request id finds it in the server log."
        : null;
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-md border border-destructive/50 bg-destructive/5 p-4 text-sm"
    >
      <p className="flex items-center gap-2 font-semibold">
        <AlertTriangle aria-hidden="true" className="size-4" /> {title}
      </p>
      <p>{message}</p>
      {hint && <p className="text-muted-foreground">{hint}</p>}
      {requestId && (
        <p className="text-muted-foreground">
          Request id: <code>{requestId}</code>
        </p>
      )}
      {retry && (
        <div>
          <Button variant="outline" size="sm" onClick={retry}>
            Retry
          </Button>
        </div>
      )}
    </div>
  );
}
