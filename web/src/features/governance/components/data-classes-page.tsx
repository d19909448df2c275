import type { DataClassRecord } from "@core/api/governance";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useCan } from "@/lib/session";
import { useSaveDataClass } from "../api/mutations";
import { dataClassesQuery } from "../api/queries";
import { bodyBase, dataClassBodySchema, dataClassFields, emptyDataClass } from "../lib/record-specs";
import { RecordDialog } from "./record-dialog";
import { RecordForm } from "./record-form";
import { WriteReason } from "./write-reason";

/** The data classification: levels, handling rules and usage limits (the acceptable-use matrix's columns). */
export function DataClassesPage() {
  const query = useQuery(dataClassesQuery());
  const { can, reason } = useCan("governance:write");
  const [editing, setEditing] = useState<DataClassRecord | "new" | null>(null);
  const existing = editing !== null && editing !== "new" ? editing : null;
  const save = useSaveDataClass(existing?.id);
  return (
    <>
      <PageHeader
        title="Data classes"
        description="How sensitive each class of data is, how it is handled, and where it may go; the acceptable-use matrix decides per class."
        actions={
          <Button
            disabled={!can}
            aria-describedby={can ? undefined : "data-classes-reason"}
            onClick={() => setEditing("new")}
          >
            New data class
          </Button>
        }
      />
      <WriteReason id="data-classes-reason" can={can} reason={reason} />
      <QueryView query={query} scope="governance:read" rows={4}>
        {(classes) =>
          classes.length === 0 ? (
            <EmptyState title="No data classes yet">
              Add public, internal, confidential and restricted (or your own) with New data class.
            </EmptyState>
          ) : (
            <Table aria-label="Data classes">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Class</TableHead>
                  <TableHead scope="col">Level</TableHead>
                  <TableHead scope="col">Handling</TableHead>
                  <TableHead scope="col">Usage limits</TableHead>
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...classes]
                  .sort((left, right) => left.level - right.level || left.id.localeCompare(right.id))
                  .map((item) => (
                    <TableRow key={item.id}>
                      <TableCell>
                        <strong>{item.id}</strong>
                        {item.description && (
                          <span className="block text-muted-foreground">{item.description}</span>
                        )}
                      </TableCell>
                      <TableCell>{item.level}</TableCell>
                      <TableCell>
                        <RuleList items={item.handling} />
                      </TableCell>
                      <TableCell>
                        <RuleList items={item.usageLimits} />
                      </TableCell>
                      <TableCell>
                        <Button
                          variant="outline"
                          size="sm"
                          disabled={!can}
                          aria-describedby={can ? undefined : "data-classes-reason"}
                          aria-label={`Edit ${item.id}`}
                          onClick={() => setEditing(item)}
                        >
                          Edit
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          )
        }
      </QueryView>
      <RecordDialog
        open={editing !== null}
        onOpenChange={(open) => (open ? undefined : setEditing(null))}
        title={existing ? `Edit ${existing.id}` : "New data class"}
        description="Stored with the register's rules checked; the audit trail records the change."
      >
        <RecordForm
          fields={dataClassFields}
          body={dataClassBodySchema}
          base={existing ? bodyBase(dataClassBodySchema, existing) : emptyDataClass}
          editing={existing !== null}
          submitLabel={existing ? "Save data class" : "Create data class"}
          onSubmit={(record) => save.mutateAsync(record)}
          onDone={(record) => {
            toast.success(`Data class ${record.id} saved`);
            setEditing(null);
          }}
        />
      </RecordDialog>
    </>
  );
}

function RuleList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <ul className="list-disc pl-4">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
