import type { TrainingAssignment, TrainingModule } from "@core/api/governance";
import { CircleCheck, Clock, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatTime } from "@/lib/format";

function AssignmentStatus({ assignment }: { assignment: TrainingAssignment }) {
  if (assignment.completedAt !== null)
    return (
      <Badge tone="good">
        <CircleCheck aria-hidden="true" /> done {assignment.completedAt}
      </Badge>
    );
  if (assignment.overdue)
    return (
      <Badge tone="bad">
        <TriangleAlert aria-hidden="true" /> overdue
      </Badge>
    );
  return (
    <Badge tone="neutral">
      <Clock aria-hidden="true" /> open
    </Badge>
  );
}

/** Who must take which module by when; an open assignment can be marked completed today. */
export function AssignmentsTable({
  label,
  assignments,
  modules,
  can,
  reasonId,
  pending,
  onComplete,
}: {
  label: string;
  assignments: readonly TrainingAssignment[];
  modules: readonly TrainingModule[];
  can: boolean;
  reasonId: string;
  pending: boolean;
  onComplete: (assignment: TrainingAssignment) => void;
}) {
  const titles = new Map(modules.map((module) => [module.id, module.title]));
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Person</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">Module</TableHead>
          <TableHead scope="col">Due</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {assignments.map((assignment) => (
          <TableRow key={`${assignment.person}/${assignment.module}`}>
            <TableCell className="font-medium">{assignment.person}</TableCell>
            <TableCell>{assignment.role}</TableCell>
            <TableCell>{titles.get(assignment.module) ?? assignment.module}</TableCell>
            <TableCell>
              {formatTime(assignment.dueAt)}
              <div className="text-xs text-muted-foreground">
                assigned {formatTime(assignment.assignedAt)}
              </div>
            </TableCell>
            <TableCell>
              <AssignmentStatus assignment={assignment} />
            </TableCell>
            <TableCell className="text-right">
              {assignment.completedAt === null && (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={!can || pending}
                  aria-label={`Record completion: ${assignment.person}, ${titles.get(assignment.module) ?? assignment.module}`}
                  aria-describedby={can ? undefined : reasonId}
                  onClick={() => onComplete(assignment)}
                >
                  Record completion
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
