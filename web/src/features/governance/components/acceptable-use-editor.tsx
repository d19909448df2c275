import type { EndpointResponse } from "@core/api/contract";
import { type AcceptableUseRule, governanceApi } from "@core/api/governance";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useCan } from "@/lib/session";
import { useSaveAcceptableUse } from "../api/mutations";
import { type Decision, decisionAt, matrixAxes, sameRules, setDecision } from "../lib/acceptable-use-matrix";
import { ApplyPolicyDialog } from "./apply-policy-dialog";
import { CompilePreview } from "./compile-preview";
import { DecisionView } from "./decision-view";
import { EditableGrid, type GridOption } from "./editable-grid";
import { MatrixRowAdder } from "./matrix-row-adder";

type View = EndpointResponse<typeof governanceApi.acceptableUse>;

const options: GridOption[] = [
  { value: "", label: "— no rule", shortcut: "" },
  { value: "allowed", label: "allowed", shortcut: "a" },
  { value: "conditional", label: "conditional (redact first)", shortcut: "c" },
  { value: "prohibited", label: "prohibited", shortcut: "p" },
];

/**
 * The acceptable-use matrix (role x model or tool, by data class) as an editable grid, beside the
 * server's compile dry run of the draft. Save stores the matrix (governance:write); Apply puts the
 * stored matrix into the gateway's policy (the scope the contract names: policy:write).
 */
export function AcceptableUseEditor({ view }: { view: View }) {
  const write = useCan("governance:write");
  const enforce = useCan(governanceApi.acceptableUseApply.scope);
  const [draft, setDraft] = useState<AcceptableUseRule[]>(view.rules);
  const [addedRows, setAddedRows] = useState<{ role: string; target: string }[]>([]);
  const [applying, setApplying] = useState(false);
  const save = useSaveAcceptableUse();
  const { rows, columns } = matrixAxes(draft, view.dataClasses, addedRows);
  const dirty = !sameRules(draft, view.rules);
  const level = new Map(view.dataClasses.map((item) => [item.id, item.level]));
  const saveWhy = !write.can ? `Saving ${write.reason}.` : !dirty ? "No changes to save." : null;
  const applyWhy = !enforce.can
    ? `Applying ${enforce.reason}.`
    : dirty
      ? "Save the matrix first: Apply puts the saved matrix into force."
      : null;

  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="au-matrix-title">
        <CardHeader>
          <CardTitle id="au-matrix-title">Matrix</CardTitle>
          <CardDescription>
            Rows are role and model or tool; columns are data classes. A (allowed), C (conditional: personal
            data and secrets are redacted first), P (prohibited); Delete removes the rule.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {rows.length === 0 || columns.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              {columns.length === 0
                ? "No data classes are recorded: the matrix needs at least one (classification.yaml)."
                : "No rules yet: add a row below, then set a decision per data class."}
            </p>
          ) : (
            <div className="overflow-x-auto">
              <EditableGrid
                id="au-grid"
                label="Acceptable-use matrix: role and model by data class"
                rowHeader="Role → model or tool"
                rows={rows.map((row) => ({ id: row.key, label: `${row.role} → ${row.target}` }))}
                columns={columns.map((id) => ({
                  id,
                  label: level.has(id) ? `${id} (level ${level.get(id)})` : `${id} (not recorded)`,
                }))}
                value={(rowKey, dataClass) => {
                  const row = rows.find((candidate) => candidate.key === rowKey);
                  return row && decisionAt(draft, row.role, row.target, dataClass);
                }}
                render={(decision) => <DecisionView decision={decision} />}
                options={options}
                cellName={(rowKey, dataClass) => `${rowKey.replace(" ", " using ")} with ${dataClass} data`}
                readOnly={!write.can}
                onChange={(rowKey, dataClass, decision) => {
                  const row = rows.find((candidate) => candidate.key === rowKey);
                  if (row)
                    setDraft(
                      setDecision(
                        draft,
                        { role: row.role, target: row.target, dataClass },
                        decision as Decision,
                      ),
                    );
                }}
              />
            </div>
          )}
          <MatrixRowAdder
            taken={rows.map((row) => row.key)}
            disabled={!write.can}
            onAdd={(row) => setAddedRows([...addedRows, row])}
          />
          {save.isError && (
            <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
              Nothing was saved: {save.error.message}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2 border-t border-border pt-3">
            <Button
              disabled={saveWhy !== null || save.isPending}
              aria-describedby={saveWhy ? "au-save-why" : undefined}
              onClick={() =>
                save.mutate(draft, {
                  onSuccess: () => {
                    setAddedRows([]);
                    toast.success("Acceptable-use matrix saved");
                  },
                })
              }
            >
              {save.isPending ? "Saving…" : "Save matrix"}
            </Button>
            <Button
              variant="outline"
              disabled={!dirty}
              onClick={() => {
                setAddedRows([]);
                setDraft(view.rules);
              }}
            >
              Discard changes
            </Button>
            <Button
              variant="outline"
              disabled={applyWhy !== null}
              aria-describedby={applyWhy ? "au-apply-why" : undefined}
              onClick={() => setApplying(true)}
            >
              Apply to the gateway
            </Button>
          </div>
          {saveWhy && (
            <p id="au-save-why" className="text-sm text-muted-foreground">
              {saveWhy}
            </p>
          )}
          {applyWhy && (
            <p id="au-apply-why" className="text-sm text-muted-foreground">
              {applyWhy}
            </p>
          )}
        </CardContent>
      </Card>
      <Card aria-labelledby="au-compiled-title">
        <CardHeader>
          <CardTitle id="au-compiled-title">Gateway policy it compiles to</CardTitle>
          <CardDescription>
            From the server's compile dry run of the matrix above, saved or not.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CompilePreview rules={draft} />
        </CardContent>
      </Card>
      <ApplyPolicyDialog open={applying} onOpenChange={setApplying} />
    </div>
  );
}
