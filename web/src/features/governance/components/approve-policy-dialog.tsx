import type { PolicyView } from "@core/api/governance";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { useSession } from "@/lib/session";
import { useApprovePolicy } from "../api/mutations";

/** Approval: the server records the signed-in admin as approver and today as the date. */
export function ApprovePolicyDialog({ policy, onClose }: { policy: PolicyView | null; onClose: () => void }) {
  const session = useSession();
  const approve = useApprovePolicy();
  const close = () => {
    approve.reset();
    onClose();
  };
  return (
    <Dialog open={policy !== null} onOpenChange={(open) => (open ? undefined : close())}>
      <DialogContent>
        <DialogTitle>Approve {policy?.title ?? "policy"}?</DialogTitle>
        <DialogDescription>
          Version {policy?.version} becomes approved with <strong>{session.admin.name}</strong> as approver
          and today as the approval date. The audit trail records the approval.
        </DialogDescription>
        {approve.isError && (
          <p role="alert" className="text-sm text-bad-foreground">
            Not approved: {approve.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button
            disabled={approve.isPending || policy === null}
            onClick={() =>
              policy &&
              approve.mutate(policy.id, {
                onSuccess: (approved) => {
                  toast.success(`${approved.title} approved by ${approved.approver}`);
                  close();
                },
              })
            }
          >
            Approve
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
