import type { z } from "zod";
import { useSaveAsset } from "../api/mutations";
import {
  type AssetKind,
  assetBodySchemas,
  assetFields,
  assetKindLabel,
  emptyAssets,
} from "../lib/asset-kinds";
import { bodyBase } from "../lib/record-specs";
import { RecordForm } from "./record-form";

/** Create or edit one asset of a kind, with that kind's contract schema. */
export function AssetForm({
  kind,
  record,
  onSaved,
}: {
  kind: AssetKind;
  /** the asset being edited; null creates one */
  record: Record<string, unknown> | null;
  onSaved: (id: string) => void;
}) {
  // one kind's schema at a time: the form only needs a record out of it
  const schema = assetBodySchemas[kind] as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const save = useSaveAsset(kind, record === null ? undefined : String(record.id));
  return (
    <RecordForm
      fields={assetFields[kind]}
      body={schema}
      base={record === null ? emptyAssets[kind] : bodyBase(schema, record)}
      editing={record !== null}
      submitLabel={record === null ? `Create ${assetKindLabel[kind].one.toLowerCase()}` : "Save changes"}
      onSubmit={(body) => save.mutateAsync(body)}
      onDone={(body) => onSaved(String(body.id))}
    />
  );
}
