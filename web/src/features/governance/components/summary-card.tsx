import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { QueryView } from "@/components/states/query-view";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

type GovernancePath =
  | "/governance/assets"
  | "/governance/raci"
  | "/governance/risks"
  | "/governance/policies"
  | "/governance/acceptable-use"
  | "/governance/audits"
  | "/governance/training";

/** One area of the register on the summary, with its own loading and error states and a link. */
export function SummaryCard<T>({
  title,
  to,
  query,
  children,
}: {
  title: string;
  to: GovernancePath;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const id = `summary-${to.split("/").pop()}`;
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id}>
          <Link to={to} className="text-primary underline-offset-4 hover:underline">
            {title}
          </Link>
        </CardTitle>
      </CardHeader>
      <CardContent className="text-sm">
        <QueryView query={query} scope="governance:read" rows={2}>
          {children}
        </QueryView>
      </CardContent>
    </Card>
  );
}
