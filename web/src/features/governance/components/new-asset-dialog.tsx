import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { toast } from "sonner";
import { Label } from "@/components/ui/label";
import { type AssetKind, assetKindLabel, assetKinds } from "../lib/asset-kinds";
import { AssetForm } from "./asset-form";
import { RecordDialog } from "./record-dialog";

/** A new asset of any kind; once stored, its detail page opens. */
export function NewAssetDialog({
  open,
  onOpenChange,
  initialKind,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialKind: AssetKind;
}) {
  const navigate = useNavigate();
  const [kind, setKind] = useState<AssetKind>(initialKind);
  return (
    <RecordDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New asset"
      description="Checked with the register's rules (unique ids, references) before it is stored; recorded in the audit trail."
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="new-asset-kind">Kind of asset</Label>
        <select
          id="new-asset-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as AssetKind)}
          className="h-9 w-full rounded-md border border-input bg-background px-2 text-sm"
        >
          {assetKinds.map((option) => (
            <option key={option} value={option}>
              {assetKindLabel[option].one}
            </option>
          ))}
        </select>
      </div>
      <AssetForm
        key={kind}
        kind={kind}
        record={null}
        onSaved={(id) => {
          toast.success(`${assetKindLabel[kind].one} ${id} created`);
          onOpenChange(false);
          void navigate({ to: "/governance/assets/$kind/$id", params: { kind, id } });
        }}
      />
    </RecordDialog>
  );
}
