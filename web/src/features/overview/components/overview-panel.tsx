import { type ReactNode, useId } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { ErrorState } from "@/components/states/error-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";

/**
 * One panel of the Overview: a named region with its own error boundary, so a panel that fails to
 * draw says so (with retry) and the others keep working. Its content handles its own loading, empty,
 * error and forbidden states.
 */
export function OverviewPanel({
  title,
  description,
  actions,
  className,
  children,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card aria-labelledby={titleId} className={cn("flex flex-col", className)}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <CardTitle id={titleId}>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {actions}
      </CardHeader>
      <CardContent className="flex-1">
        <ErrorBoundary
          fallbackRender={({ error, resetErrorBoundary }) => (
            <ErrorState
              error={error}
              title={`${title}: this panel could not be shown`}
              retry={resetErrorBoundary}
            />
          )}
        >
          {children}
        </ErrorBoundary>
      </CardContent>
    </Card>
  );
}
