import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { useApplyAcceptableUse } from "../api/mutations";

/** Puts the stored matrix into force: the policy file is written and the gateway reloads it. */
export function ApplyPolicyDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const apply = useApplyAcceptableUse();
  const change = (next: boolean) => {
    if (!next) apply.reset();
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent>
        <DialogTitle>Apply the matrix to the gateway?</DialogTitle>
        <DialogDescription>
          The saved matrix's rules replace the acceptableUse section of the gateway's policy file (comments
          and other settings are kept) and the gateway reloads it: requests are judged by the new rules at
          once.
        </DialogDescription>
        {apply.isError && (
          <p role="alert" className="text-sm text-bad-foreground">
            Not applied: {apply.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button
            disabled={apply.isPending}
            onClick={() =>
              apply.mutate(undefined, {
                onSuccess: (result) => {
                  toast.success(
                    `${result.compiled.length} rules written to ${result.file}${result.reloaded ? "; the gateway reloaded" : "; reload the gateway to enforce them"}`,
                  );
                  change(false);
                },
              })
            }
          >
            {apply.isPending ? "Applying…" : "Apply"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
