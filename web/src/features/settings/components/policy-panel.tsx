import { useQuery } from "@tanstack/react-query";
import { QueryView } from "@/components/states/query-view";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { effectivePolicyQuery } from "../api/queries";

/** The policy the gateway enforces now, read-only, as formatted JSON text. */
export function PolicyPanel() {
  const query = useQuery(effectivePolicyQuery());
  return (
    <Card aria-labelledby="policy-title">
      <CardHeader>
        <CardTitle id="policy-title">Effective policy</CardTitle>
        <CardDescription>
          The policy file merged over the built-in default, as the gateway enforces it now. Change it in the
          policy file; the server reloads it.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <QueryView query={query} scope="policy:read" rows={8}>
          {(policy) => (
            <pre className="whitespace-pre-wrap break-words rounded-md border border-border bg-muted p-3 text-xs">
              {JSON.stringify(policy, null, 2)}
            </pre>
          )}
        </QueryView>
      </CardContent>
    </Card>
  );
}
