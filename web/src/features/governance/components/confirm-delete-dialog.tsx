import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A deletion confirmed by typing the record's name; nothing happens until it matches. */
export function ConfirmDeleteDialog({
  target,
  what,
  consequence,
  onConfirm,
  onClose,
}: {
  /** the record's name, typed to confirm; null closes the dialog */
  target: string | null;
  what: string;
  consequence: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent>
        <DialogTitle>
          Delete {what} {target ?? ""}?
        </DialogTitle>
        <DialogDescription>{consequence}</DialogDescription>
        {target !== null && (
          <ConfirmForm target={target} what={what} onConfirm={onConfirm} onDone={onClose} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function ConfirmForm({
  target,
  what,
  onConfirm,
  onDone,
}: {
  target: string;
  what: string;
  onConfirm: () => Promise<unknown>;
  onDone: () => void;
}) {
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = typed.trim() === target;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setPending(true);
    try {
      await onConfirm();
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="delete-confirm">
          Type <strong className="font-mono">{target}</strong> to confirm
        </Label>
        <Input
          id="delete-confirm"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      {error && (
        <p role="alert" className="text-sm text-bad-foreground">
          Nothing was deleted: {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={!ready || pending}>
          Delete {what}
        </Button>
      </div>
    </form>
  );
}
