import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { useCan } from "@/lib/session";
import type { CreatedKey } from "../api/mutations";
import { CreateKeyForm } from "./create-key-form";
import { NewKeyReveal } from "./new-key-reveal";

/**
 * Create a key, then show it once. The key lives only in this dialog's state: closing the dialog
 * unmounts it, and it never reaches the query cache or a URL.
 */
export function CreateKeyDialog() {
  const { can, reason } = useCan("keys:write");
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const change = (next: boolean) => {
    setOpen(next);
    if (!next) setCreated(null);
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        disabled={!can}
        aria-describedby={can ? undefined : "create-key-reason"}
        onClick={() => change(true)}
      >
        <Plus aria-hidden="true" /> Create key
      </Button>
      {!can && (
        <p id="create-key-reason" className="text-xs text-muted-foreground">
          Creating keys {reason}.
        </p>
      )}
      <Dialog open={open} onOpenChange={change}>
        <DialogContent className="max-w-xl">
          <DialogTitle>{created === null ? "Create a key" : "Key created"}</DialogTitle>
          <DialogDescription>
            {created === null
              ? "Gateway keys call models through the gateway; admin keys sign in to the management API and this dashboard."
              : "Give it to whoever needs it through a safe channel."}
          </DialogDescription>
          {created === null ? <CreateKeyForm onCreated={setCreated} /> : <NewKeyReveal created={created} />}
        </DialogContent>
      </Dialog>
    </div>
  );
}
