import type { ApiKeyView } from "@core/api/keys";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useRevokeKey } from "../api/mutations";

/** Revocation, confirmed by typing the key's name; it takes effect on the next request. */
export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyView | null; onClose: () => void }) {
  return (
    <Dialog open={apiKey !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent>
        <DialogTitle>Revoke {apiKey?.name ?? "key"}?</DialogTitle>
        <DialogDescription>
          The key stops working at once on this server (within half a second on the others). This cannot be
          undone.
        </DialogDescription>
        {apiKey && <RevokeKeyForm apiKey={apiKey} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function RevokeKeyForm({ apiKey, onDone }: { apiKey: ApiKeyView; onDone: () => void }) {
  const revoke = useRevokeKey();
  const [typed, setTyped] = useState("");
  const ready = typed.trim() === apiKey.name;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        toast.success(`Key ${apiKey.name} revoked`);
        onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="revoke-confirm">
          Type <strong className="font-mono">{apiKey.name}</strong> to confirm
        </Label>
        <Input
          id="revoke-confirm"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      {revoke.isError && (
        <p role="alert" className="text-sm text-bad-foreground">
          {revoke.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="outline">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={!ready || revoke.isPending}>
          Revoke key
        </Button>
      </div>
    </form>
  );
}
