import type { ApiKeyView } from "@core/api/keys";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useCan } from "@/lib/session";
import { keyListQuery } from "../api/queries";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeysTable } from "./keys-table";
import { RevokeKeyDialog } from "./revoke-key-dialog";

/** API keys: list, create (shown once), revoke; changes need keys:write. */
export function KeysPanel() {
  const query = useQuery(keyListQuery());
  const { can, reason } = useCan("keys:write");
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  return (
    <Card aria-labelledby="keys-title">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle id="keys-title">API keys</CardTitle>
          <CardDescription>
            Only a prefix of each key is kept in view; the key itself is shown once, at creation.
          </CardDescription>
        </div>
        <CreateKeyDialog />
      </CardHeader>
      <CardContent>
        <QueryView query={query} scope="keys:read">
          {(keys) =>
            keys.length === 0 ? (
              <EmptyState title="No stored keys yet">
                Create a gateway key for an application, or an admin key for a colleague.
              </EmptyState>
            ) : (
              <KeysTable keys={keys} canRevoke={can} onRevoke={setRevoking} now={new Date()} />
            )
          }
        </QueryView>
        {!can && (
          <p id="keys-revoke-reason" className="mt-2 text-xs text-muted-foreground">
            Revoking keys {reason}.
          </p>
        )}
        <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
      </CardContent>
    </Card>
  );
}
