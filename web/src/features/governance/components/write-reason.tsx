/** Why the changes on this page are disabled for the signed-in role (linked by aria-describedby). */
export function WriteReason({ id, can, reason }: { id: string; can: boolean; reason: string }) {
  if (can) return null;
  return (
    <p id={id} className="mb-3 text-sm text-muted-foreground">
      Read-only: changing these records {reason}.
    </p>
  );
}
