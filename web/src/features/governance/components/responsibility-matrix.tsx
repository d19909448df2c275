import type { ModelView } from "@core/api/governance";
import { responsibilityParties } from "@core/api/governance";
import { Check } from "lucide-react";
import { layerLabels } from "../lib/asset-kinds";

const partyLabel = { customer: "Customer", provider: "Provider", shared: "Shared" } as const;

/** A model's shared-responsibility matrix: each layer and who holds it (text, not colour). */
export function ResponsibilityMatrix({ model }: { model: ModelView }) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left text-sm text-muted-foreground">
        Who holds each layer of {model.name} ({model.deployment} deployment). Customer and shared layers are
        the organisation's duties.
      </caption>
      <thead>
        <tr>
          <th scope="col" className="border border-border bg-muted px-2 py-1 text-left font-medium">
            Layer
          </th>
          {responsibilityParties.map((party) => (
            <th key={party} scope="col" className="border border-border bg-muted px-2 py-1 font-medium">
              {partyLabel[party]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.responsibilityMatrix.map((cell) => (
          <tr key={cell.layer}>
            <th scope="row" className="border border-border px-2 py-1 text-left font-normal">
              {layerLabels[cell.layer]}
              {cell.overridden && (
                <span className="ml-1 text-xs text-muted-foreground">(set for this model)</span>
              )}
            </th>
            {responsibilityParties.map((party) => (
              <td key={party} className="border border-border px-2 py-1 text-center">
                {cell.party === party ? (
                  <span className="inline-flex items-center gap-1 font-medium">
                    <Check aria-hidden="true" className="size-4" /> holds it
                  </span>
                ) : (
                  <span className="sr-only">no</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
