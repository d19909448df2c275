import { auditEventKindSchema, auditVerdictSchema } from "@core/api/audit";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { kindLabels } from "../lib/event-labels";
import {
  type FilterErrors,
  type FilterField,
  type FilterFormValues,
  formValuesOf,
  searchFromForm,
} from "../lib/filter-form";
import { type TrafficSearch, trafficSearchSchema } from "../lib/search";

const selectClass =
  "h-9 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring";

const timeOptions = [
  ["", "Any time"],
  ["15m", "Last 15 minutes"],
  ["1h", "Last hour"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["custom", "Between two times"],
] as const;

const verdictLabels = { allow: "Allowed", flag: "Flagged", redact: "Redacted", block: "Blocked" } as const;

function TextField(props: {
  name: FilterField;
  label: string;
  hint?: string;
  type?: "text" | "datetime-local";
  defaultValue: string;
  errors: FilterErrors;
}) {
  const id = useId();
  const error = props.errors[props.name];
  return (
    <div className="flex min-w-40 flex-1 flex-col gap-1">
      <Label htmlFor={id}>{props.label}</Label>
      <Input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        placeholder={props.hint}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-bad-foreground">
          {props.label}: {error}
        </p>
      )}
    </div>
  );
}

/**
 * The Traffic filters: time, verdict, event kind, app, key, model, category and request id. Applying
 * puts them in the URL (so a reload or a shared link keeps them); values the API would refuse are
 * named at their field first.
 */
export function TrafficFilters({
  search,
  onApply,
}: {
  search: TrafficSearch;
  onApply: (search: TrafficSearch) => void;
}) {
  const initial = formValuesOf(search);
  const [time, setTime] = useState(initial.time);
  const [errors, setErrors] = useState<FilterErrors>({});
  const timeId = useId();
  const kindId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const values: FilterFormValues = {
      time,
      from: text("from"),
      to: text("to"),
      verdict: form.getAll("verdict").map(String),
      kind: text("kind"),
      app: text("app"),
      keyId: text("keyId"),
      model: text("model"),
      category: text("category"),
      q: text("q"),
    };
    const result = searchFromForm(values);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) onApply(result.search);
  };

  return (
    <form aria-label="Filter audit events" onSubmit={submit} className="mb-4 flex flex-col gap-3" noValidate>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor={timeId}>Time</Label>
          <select
            id={timeId}
            className={selectClass}
            value={time}
            onChange={(event) => setTime(event.target.value as FilterFormValues["time"])}
          >
            {timeOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {time === "custom" && (
          <>
            <TextField
              name="from"
              label="From (UTC)"
              type="datetime-local"
              defaultValue={initial.from}
              errors={errors}
            />
            <TextField
              name="to"
              label="To (UTC)"
              type="datetime-local"
              defaultValue={initial.to}
              errors={errors}
            />
          </>
        )}
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="mb-1 text-sm font-medium">Verdict</legend>
          {auditVerdictSchema.options.map((verdict) => (
            <label key={verdict} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name="verdict"
                value={verdict}
                defaultChecked={initial.verdict.includes(verdict)}
                className="size-4 accent-primary"
              />
              {verdictLabels[verdict]}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1">
          <Label htmlFor={kindId}>Event</Label>
          <select id={kindId} name="kind" className={selectClass} defaultValue={initial.kind}>
            <option value="">Every kind</option>
            {auditEventKindSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <TextField name="app" label="App" defaultValue={initial.app} errors={errors} />
        <TextField name="keyId" label="Key id" hint="key_…" defaultValue={initial.keyId} errors={errors} />
        <TextField name="model" label="Model" defaultValue={initial.model} errors={errors} />
        <TextField
          name="category"
          label="Category"
          hint="prompt-injection"
          defaultValue={initial.category}
          errors={errors}
        />
        <TextField name="q" label="Request id contains" defaultValue={initial.q} errors={errors} />
      </div>
      <p className="text-xs text-muted-foreground">
        App, key, model and category take several values separated by commas; an event matches any of them.
      </p>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button type="button" variant="outline" onClick={() => onApply(trafficSearchSchema.parse({}))}>
          Clear
        </Button>
      </div>
    </form>
  );
}
