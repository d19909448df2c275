import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import {
  errorFor,
  type FieldSpec,
  type FormValues,
  formValuesOf,
  recordFormSchema,
  serverFieldError,
} from "../lib/record-form";
import { RecordField } from "./record-field";

type Json = Record<string, unknown>;

/**
 * A governance record's form: react-hook-form with the zod resolver over the contract's body
 * schema (`body`), so the browser refuses what the server would. A refusal from the server that
 * names a field lands on that field; any other is shown above the buttons. Mounted with the record
 * it edits (`base`), or an empty one.
 */
export function RecordForm<T extends Json>({
  fields,
  body,
  base,
  editing,
  submitLabel,
  onSubmit,
  onDone,
}: {
  fields: readonly FieldSpec[];
  body: z.ZodType<T>;
  base: Json;
  /** the record exists: its id is fixed */
  editing: boolean;
  submitLabel: string;
  onSubmit: (record: T) => Promise<unknown>;
  onDone: (record: T) => void;
}) {
  const formId = useId();
  const schema = useMemo(() => recordFormSchema(fields, body, base), [fields, body, base]);
  const form = useForm<FormValues, unknown, T>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: formValuesOf(fields, base),
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (record) => {
    try {
      await onSubmit(record);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const field = serverFieldError(message, fields);
      if (field) form.setError(field.name, { type: "server", message: field.message }, { shouldFocus: true });
      else form.setError("root.server", { type: "server", message });
      return;
    }
    onDone(record);
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((field) => (
          <RecordField
            key={field.name}
            formId={formId}
            field={field}
            register={form.register}
            error={errorFor(errors, field)}
            locked={editing && field.isId === true}
          />
        ))}
      </div>
      {errors.root?.server && (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 p-2 text-sm">
          The server refused it: {errors.root.server.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
