import type { ApiKeyView } from "@core/api/keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatAgo, formatTime } from "@/lib/format";

const statusTones = { active: "good", revoked: "bad", expired: "warn" } as const;

/** Keys by name and prefix (never the key), with role, kind, app, last use and revocation. */
export function KeysTable({
  keys,
  canRevoke,
  onRevoke,
  now,
}: {
  keys: readonly ApiKeyView[];
  canRevoke: boolean;
  onRevoke: (key: ApiKeyView) => void;
  now: Date;
}) {
  return (
    <Table aria-label="API keys">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">Kind</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">App</TableHead>
          <TableHead scope="col">Last used</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((key) => (
          <TableRow key={key.id}>
            <TableCell>
              <div className="font-medium">{key.name}</div>
              <div className="text-xs text-muted-foreground">
                <code>{key.prefix}…</code> · {key.id}
              </div>
            </TableCell>
            <TableCell>{key.kind}</TableCell>
            <TableCell>{key.role}</TableCell>
            <TableCell>{key.app ?? "—"}</TableCell>
            <TableCell>
              {key.lastUsedAt === null ? (
                "never"
              ) : (
                <span title={formatTime(key.lastUsedAt)}>{formatAgo(key.lastUsedAt, now.getTime())}</span>
              )}
            </TableCell>
            <TableCell>
              <Badge tone={statusTones[key.status]}>{key.status}</Badge>
              {key.revokedAt !== null && (
                <div className="text-xs text-muted-foreground">{formatTime(key.revokedAt)}</div>
              )}
            </TableCell>
            <TableCell className="text-right">
              {key.status !== "revoked" && (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={!canRevoke}
                  aria-label={`Revoke ${key.name}`}
                  aria-describedby={canRevoke ? undefined : "keys-revoke-reason"}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
