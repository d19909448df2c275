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
            <section
              aria-label="Effective policy (JSON)"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be a tab stop so keyboard users can scroll it
              tabIndex={0}
              className="max-h-[32rem] overflow-auto rounded-md border border-border bg-muted focus-visible:outline-2 focus-visible:outline-ring"
            >
              <pre className="p-3 text-xs">{JSON.stringify(policy, null, 2)}</pre>
            </section>
          )}
        </QueryView>
      </CardContent>
    </Card>
  );
}
