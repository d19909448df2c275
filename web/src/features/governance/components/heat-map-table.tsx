import { cn } from "@/lib/cn";
import { heatMapRows, impactLabels, type RiskBand } from "../lib/risk-heat-map";

const shades: Record<RiskBand, string> = {
  low: "bg-good/10",
  medium: "bg-warn/15",
  high: "bg-warn/30",
  critical: "bg-destructive/25",
};

/**
 * A 5 x 5 heat map as a table of counts: likelihood down (most likely first), impact across. Each
 * cell names its band and its risks in text; the colour only repeats what the text says.
 */
export function HeatMapTable({
  caption,
  grid,
}: {
  caption: string;
  grid: readonly (readonly (readonly string[])[])[];
}) {
  const rows = heatMapRows(grid);
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th
            scope="col"
            className="w-28 border border-border bg-muted px-1 py-1 text-left text-xs font-medium"
          >
            Likelihood ↓ / impact →
          </th>
          {impactLabels.map((label, index) => (
            <th
              key={label}
              scope="col"
              className="border border-border bg-muted px-1 py-1 text-xs font-medium"
            >
              {index + 1} {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.likelihood}>
            <th scope="row" className="border border-border bg-muted px-1 py-1 text-left text-xs font-medium">
              {row.likelihood} {row.label}
            </th>
            {row.cells.map((cell) => (
              <td
                key={cell.impact}
                className={cn("h-16 border border-border p-1 align-top", shades[cell.band])}
              >
                <div className="flex items-baseline justify-between gap-1">
                  {/* foreground text on every shade: the muted colour is too faint on the dark theme's amber */}
                  <span className={cn("text-lg", cell.count > 0 && "font-bold")}>{cell.count}</span>
                  <span className="text-[11px]">{cell.band}</span>
                </div>
                {cell.risks.length > 0 && (
                  <ul className="mt-0.5 text-[11px] leading-tight break-words">
                    {cell.risks.map((risk) => (
                      <li key={risk}>{risk}</li>
                    ))}
                  </ul>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
