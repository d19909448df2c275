import type { UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import type { FieldSpec, FormValues } from "../lib/record-form";

const control =
  "w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring aria-invalid:border-destructive read-only:bg-muted";

/** One field of a record form: its label, its control by kind, its help and its error. */
export function RecordField({
  formId,
  field,
  register,
  error,
  locked,
}: {
  formId: string;
  field: FieldSpec;
  register: UseFormRegister<FormValues>;
  error: string | undefined;
  /** the id of a record that exists: shown, not changed */
  locked: boolean;
}) {
  const id = `${formId}-${field.name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const described = [error ? `${id}-error` : null, field.help ? `${id}-help` : null]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described === "" ? undefined : described,
  } as const;
  const registered = register(field.name);
  const wide = field.kind === "textarea" || field.kind === "lines";
  return (
    <div className={cn("flex flex-col gap-1", wide && "sm:col-span-2")}>
      {field.kind === "boolean" ? (
        <div className="flex items-center gap-2 pt-5">
          <input type="checkbox" className="size-4" {...common} {...registered} />
          <Label htmlFor={id}>{field.label}</Label>
        </div>
      ) : (
        <Label htmlFor={id}>{field.label}</Label>
      )}
      {field.options !== undefined ? (
        <select className={cn(control, "h-9")} {...common} {...registered}>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : field.kind === "textarea" || field.kind === "lines" ? (
        <textarea
          className={cn(control, "py-1", field.kind === "textarea" ? "min-h-32 font-mono" : "min-h-20")}
          {...common}
          {...registered}
        />
      ) : field.kind === "boolean" ? null : (
        <Input
          type={field.kind === "date" ? "date" : "text"}
          inputMode={field.kind === "int" ? "numeric" : undefined}
          autoComplete="off"
          spellCheck={false}
          readOnly={locked}
          {...common}
          {...registered}
        />
      )}
      {field.help && (
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {field.help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-bad-foreground">
          {error}
        </p>
      )}
    </div>
  );
}
