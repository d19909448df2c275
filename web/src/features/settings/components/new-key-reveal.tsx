import { Check, Copy, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CreatedKey } from "../api/mutations";

/** The new key, shown this once: copy it now; closing the dialog forgets it. */
export function NewKeyReveal({ created }: { created: CreatedKey }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="flex flex-col gap-3">
      <p
        role="note"
        className="flex items-start gap-2 rounded-md border border-warn/40 bg-warn/10 p-2 text-sm text-warn-foreground"
      >
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        This is the only time the key is shown. Rampart stores only its hash; copy it now.
      </p>
      <div className="flex flex-col gap-1">
        <Label htmlFor="new-key">
          Key for {created.name} ({created.kind}, role {created.role})
        </Label>
        <div className="flex gap-2">
          <Input
            id="new-key"
            readOnly
            value={created.key}
            className="font-mono"
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button variant="outline" onClick={() => void copy()} aria-label="Copy the key">
            {copied === "yes" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          </Button>
        </div>
        <p aria-live="polite" className="text-sm text-muted-foreground">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "The browser refused the clipboard: select the key and copy it by hand."
              : `Id ${created.id}, prefix ${created.prefix}.`}
        </p>
      </div>
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
