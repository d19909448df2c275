import type { TrainingAssignment } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useCan } from "@/lib/session";
import { useRecordCompletion, useSaveTrainingModule } from "../api/mutations";
import { trainingQuery } from "../api/queries";
import { emptyTrainingModule, trainingModuleBodySchema, trainingModuleFields } from "../lib/record-specs";
import { AssignmentsTable } from "./assignments-table";
import { PersonRoleForm } from "./person-role-form";
import { RecordDialog } from "./record-dialog";
import { RecordForm } from "./record-form";
import { WriteReason } from "./write-reason";

const today = () => new Date().toISOString().slice(0, 10);

/** Training modules, who is assigned which, and the overdue list. */
export function TrainingPage() {
  const query = useQuery(trainingQuery());
  const { can, reason } = useCan("governance:write");
  const [creating, setCreating] = useState(false);
  const complete = useRecordCompletion();
  const saveModule = useSaveTrainingModule();
  const onComplete = (assignment: TrainingAssignment) =>
    complete.mutate(
      { person: assignment.person, module: assignment.module, at: today() },
      { onSuccess: () => toast.success(`Completion recorded for ${assignment.person}`) },
    );
  return (
    <>
      <PageHeader
        title="Training"
        description="A module names the roles it is for; each person with such a role is assigned it, due within its days."
        actions={
          <Button
            disabled={!can}
            aria-describedby={can ? undefined : "training-reason"}
            onClick={() => setCreating(true)}
          >
            New module
          </Button>
        }
      />
      <WriteReason id="training-reason" can={can} reason={reason} />
      {complete.isError && (
        <p role="alert" className="mb-2 text-sm text-bad-foreground">
          The completion was not recorded: {complete.error.message}
        </p>
      )}
      <QueryView query={query} scope="governance:read" rows={6}>
        {(training) => (
          <div className="flex flex-col gap-4">
            <Card aria-labelledby="training-overdue-title">
              <CardHeader>
                <CardTitle id="training-overdue-title">Overdue ({training.overdue.length})</CardTitle>
                <CardDescription>Assignments past their due date without a completion.</CardDescription>
              </CardHeader>
              <CardContent>
                {training.overdue.length === 0 ? (
                  <p className="text-sm text-muted-foreground">No one is overdue.</p>
                ) : (
                  <AssignmentsTable
                    label="Overdue training"
                    assignments={training.overdue}
                    modules={training.modules}
                    can={can}
                    reasonId="training-reason"
                    pending={complete.isPending}
                    onComplete={onComplete}
                  />
                )}
              </CardContent>
            </Card>
            <Card aria-labelledby="training-assignments-title">
              <CardHeader>
                <CardTitle id="training-assignments-title">Assignments</CardTitle>
                <CardDescription>Set a person's role to assign them the modules for it.</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                <PersonRoleForm disabled={!can} />
                {training.assignments.length === 0 ? (
                  <EmptyState title="No assignments">
                    {training.modules.length === 0
                      ? "Add a module with New module, then give people the roles it is for."
                      : "Give a person one of the roles the modules are for."}
                  </EmptyState>
                ) : (
                  <AssignmentsTable
                    label="Training assignments"
                    assignments={training.assignments}
                    modules={training.modules}
                    can={can}
                    reasonId="training-reason"
                    pending={complete.isPending}
                    onComplete={onComplete}
                  />
                )}
              </CardContent>
            </Card>
            <Card aria-labelledby="training-modules-title">
              <CardHeader>
                <CardTitle id="training-modules-title">Modules</CardTitle>
              </CardHeader>
              <CardContent>
                {training.modules.length === 0 ? (
                  <p className="text-sm text-muted-foreground">No modules yet.</p>
                ) : (
                  <ul className="flex flex-col gap-1 text-sm">
                    {training.modules.map((module) => (
                      <li key={module.id}>
                        <strong>{module.title}</strong> ({module.id}) — for{" "}
                        {module.roles.join(", ") || "no role"}, due within {module.dueDays} days
                      </li>
                    ))}
                  </ul>
                )}
              </CardContent>
            </Card>
          </div>
        )}
      </QueryView>
      <RecordDialog
        open={creating}
        onOpenChange={setCreating}
        title="New training module"
        description="Everyone whose role it names is assigned it from today."
      >
        <RecordForm
          fields={trainingModuleFields}
          body={trainingModuleBodySchema}
          base={emptyTrainingModule}
          editing={false}
          submitLabel="Create module"
          onSubmit={(record) => saveModule.mutateAsync(record)}
          onDone={(record) => {
            toast.success(`Module ${record.title} created`);
            setCreating(false);
          }}
        />
      </RecordDialog>
    </>
  );
}
