import type { PolicyView } from "@core/api/governance";
import { TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PolicyStateBadge } from "./policy-state-badge";

/** Policies with their approval state and review date; read, edit and approve by role. */
export function PoliciesTable({
  policies,
  can,
  reasonId,
  onRead,
  onEdit,
  onApprove,
}: {
  policies: readonly PolicyView[];
  can: boolean;
  reasonId: string;
  onRead: (policy: PolicyView) => void;
  onEdit: (policy: PolicyView) => void;
  onApprove: (policy: PolicyView) => void;
}) {
  return (
    <Table aria-label="Policies">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Policy</TableHead>
          <TableHead scope="col">Version</TableHead>
          <TableHead scope="col">State</TableHead>
          <TableHead scope="col">Approved by</TableHead>
          <TableHead scope="col">Review due</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {policies.map((policy) => {
          const approvable = policy.state === "draft" || policy.state === "in-review";
          return (
            <TableRow key={policy.id}>
              <TableCell>
                <div className="font-medium">{policy.title}</div>
                <div className="text-xs text-muted-foreground">{policy.id}</div>
              </TableCell>
              <TableCell>{policy.version}</TableCell>
              <TableCell>
                <PolicyStateBadge state={policy.state} />
              </TableCell>
              <TableCell>
                {policy.approver || "—"}
                {policy.approvedAt && (
                  <div className="text-xs text-muted-foreground">on {policy.approvedAt}</div>
                )}
              </TableCell>
              <TableCell>
                {policy.reviewDue ?? "—"}
                {policy.reviewOverdue && (
                  <Badge tone="bad" className="ml-1">
                    <TriangleAlert aria-hidden="true" /> overdue
                  </Badge>
                )}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Read ${policy.title}`}
                  onClick={() => onRead(policy)}
                >
                  Read
                </Button>{" "}
                <Button
                  size="sm"
                  variant="outline"
                  disabled={!can}
                  aria-label={`Edit ${policy.title}`}
                  aria-describedby={can ? undefined : reasonId}
                  onClick={() => onEdit(policy)}
                >
                  Edit
                </Button>{" "}
                {approvable && (
                  <Button
                    size="sm"
                    disabled={!can}
                    aria-label={`Approve ${policy.title}`}
                    aria-describedby={can ? undefined : reasonId}
                    onClick={() => onApprove(policy)}
                  >
                    Approve
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
