/** A field's validation message, linked from the field with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-bad-foreground">
      {message}
    </p>
  );
}
