import type { AssetKind } from "../lib/asset-kinds";
import { assetFields } from "../lib/asset-kinds";
import { formValuesOf } from "../lib/record-form";
import { TierBadge } from "./tier-badge";

/** Every recorded field of an asset, as a description list (untrusted text rendered as text). */
export function AssetFacts({ kind, record }: { kind: AssetKind; record: Record<string, unknown> }) {
  const fields = assetFields[kind].filter((field) => !field.name.includes(":"));
  const values = formValuesOf(fields, record);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {fields.map((field) => {
        const value = values[field.name];
        return (
          <div key={field.name} className="contents">
            <dt className="font-medium text-muted-foreground">{field.label}</dt>
            <dd className={field.kind === "textarea" ? "whitespace-pre-wrap font-mono text-xs" : undefined}>
              {field.name === "riskTier" ? (
                <TierBadge tier={String(value)} />
              ) : typeof value === "boolean" ? (
                value ? (
                  "yes"
                ) : (
                  "no"
                )
              ) : value === "" ? (
                "—"
              ) : (
                value
              )}
            </dd>
          </div>
        );
      })}
      {kind === "system-prompts" && (
        <div className="contents">
          <dt className="font-medium text-muted-foreground">SHA-256</dt>
          <dd className="font-mono text-xs break-all">{String(record.sha256 ?? "—")}</dd>
        </div>
      )}
    </dl>
  );
}
