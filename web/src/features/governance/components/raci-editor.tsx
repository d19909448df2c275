import type { EndpointResponse } from "@core/api/contract";
import type { governanceApi, RaciChart } from "@core/api/governance";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/session";
import { RaciRefusedError, useSaveRaci } from "../api/mutations";
import {
  type RaciLetter,
  raciColumns,
  raciLetters,
  raciMeaning,
  sameChart,
  setRaciCell,
  validateRaciChart,
} from "../lib/raci";
import { AxisAdder } from "./axis-adder";
import { EditableGrid, type GridOption } from "./editable-grid";
import { RaciLetterView } from "./raci-letter";
import { RaciProblems } from "./raci-problems";

type RaciView = Exclude<EndpointResponse<typeof governanceApi.raci>, string>;

const options: GridOption[] = [
  { value: "", label: "— none", shortcut: "" },
  ...raciLetters.map((letter) => ({
    value: letter,
    label: `${letter} — ${raciMeaning[letter]}`,
    shortcut: letter.toLowerCase(),
  })),
];

/**
 * The RACI chart as an editable grid (activities x roles). The rule is checked on every change;
 * Save asks the server's validate dry run first and stays disabled while a cell is invalid.
 * Mounted once the chart has loaded: the draft starts from it.
 */
export function RaciEditor({ view }: { view: RaciView }) {
  const { can, reason } = useCan("governance:write");
  const [draft, setDraft] = useState<RaciChart>(view.chart);
  const [addedRoles, setAddedRoles] = useState<string[]>([]);
  const [removing, setRemoving] = useState("");
  const save = useSaveRaci();
  const roles = raciColumns(draft, addedRoles);
  const activities = Object.keys(draft);
  const check = validateRaciChart(draft, roles);
  const dirty = !sameChart(draft, view.chart);
  const why = !can
    ? `Saving ${reason}.`
    : !check.valid
      ? "Fix the problems above to save."
      : !dirty
        ? "No changes to save."
        : null;

  const change = (next: RaciChart) => {
    setDraft(next);
    if (save.isError) save.reset();
  };
  const onSave = () =>
    save.mutate(draft, {
      onSuccess: () => {
        setAddedRoles([]);
        toast.success("RACI chart saved");
      },
    });

  return (
    <div className="flex flex-col gap-3">
      <RaciProblems problems={check.problems} />
      {save.error instanceof RaciRefusedError ? (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
          Nothing was saved. {save.error.message}
        </p>
      ) : save.isError ? (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
          Nothing was saved: {save.error.message}
        </p>
      ) : null}
      {activities.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No activities yet: add one below, then give it one A and at least one R.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <EditableGrid
            id="raci-grid"
            label="RACI chart: activities by role"
            rowHeader="Activity"
            rows={activities.map((activity) => ({ id: activity, label: activity }))}
            columns={roles.map((role) => ({ id: role, label: role }))}
            value={(activity, role) => draft[activity]?.[role]}
            render={(letter) => <RaciLetterView letter={letter} />}
            options={options}
            cellName={(activity, role) => `${role} for ${activity}`}
            problems={(activity, role) => check.cells.get(activity)?.get(role) ?? []}
            readOnly={!can}
            onChange={(activity, role, letter) =>
              change(setRaciCell(draft, activity, role, letter as RaciLetter | undefined))
            }
          />
        </div>
      )}
      <p className="text-xs text-muted-foreground">
        {can
          ? "Tab into the grid, move with the arrow keys; Enter or F2 edits a cell (Enter keeps, Escape cancels); R, A, C or I sets it directly and Delete clears it."
          : "Move through the grid with the arrow keys. The chart is read-only for your role."}
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <AxisAdder
          label="New activity"
          action="Add activity"
          taken={activities}
          disabled={!can}
          onAdd={(activity) => change({ ...draft, [activity]: {} })}
        />
        <AxisAdder
          label="New role"
          action="Add role"
          taken={roles}
          disabled={!can}
          onAdd={(role) => setAddedRoles([...addedRoles, role])}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="raci-remove" className="text-sm font-medium">
            Remove an activity
          </label>
          <div className="flex gap-2">
            <select
              id="raci-remove"
              value={removing}
              disabled={!can || activities.length === 0}
              onChange={(event) => setRemoving(event.target.value)}
              className="h-9 rounded-md border border-input bg-background px-2 text-sm"
            >
              <option value="">choose…</option>
              {activities.map((activity) => (
                <option key={activity} value={activity}>
                  {activity}
                </option>
              ))}
            </select>
            <Button
              variant="outline"
              size="sm"
              className="h-9"
              disabled={!can || removing === ""}
              onClick={() => {
                const { [removing]: _removed, ...rest } = draft;
                change(rest);
                setRemoving("");
              }}
            >
              Remove
            </Button>
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-border pt-3">
        <Button
          onClick={onSave}
          disabled={why !== null || save.isPending}
          aria-describedby={why ? "raci-save-why" : undefined}
        >
          {save.isPending ? "Saving…" : "Save chart"}
        </Button>
        <Button
          variant="outline"
          disabled={!dirty || save.isPending}
          onClick={() => {
            setAddedRoles([]);
            change(view.chart);
          }}
        >
          Discard changes
        </Button>
        {why && (
          <p id="raci-save-why" className="text-sm text-muted-foreground">
            {why}
          </p>
        )}
        {dirty && check.valid && <p className="text-sm text-muted-foreground">Unsaved changes.</p>}
      </div>
    </div>
  );
}
