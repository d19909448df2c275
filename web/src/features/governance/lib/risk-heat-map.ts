/** Bands of a risk score (likelihood x impact, 1..25), as docs/governance.md states them. */
export type RiskBand = "low" | "medium" | "high" | "critical";

export function scoreBand(score: number): RiskBand {
  if (score >= 20) return "critical";
  if (score >= 12) return "high";
  if (score >= 5) return "medium";
  return "low";
}

export const likelihoodLabels = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"] as const;
export const impactLabels = ["Negligible", "Minor", "Moderate", "Major", "Severe"] as const;

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  /** the risks in the cell, by id */
  risks: string[];
  /** the band of likelihood x impact, shown as text beside the colour */
  band: RiskBand;
}

export interface HeatRow {
  likelihood: number;
  label: string;
  cells: HeatCell[];
}

/**
 * The server's 5 x 5 grid ([likelihood - 1][impact - 1] -> risk ids) as table rows, the most likely
 * first, impact rising left to right. A cell the server left out counts 0 risks.
 */
export function heatMapRows(grid: readonly (readonly (readonly string[])[])[]): HeatRow[] {
  const rows: HeatRow[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    const cells: HeatCell[] = [];
    for (let impact = 1; impact <= 5; impact++) {
      const risks = [...(grid[likelihood - 1]?.[impact - 1] ?? [])];
      cells.push({ likelihood, impact, count: risks.length, risks, band: scoreBand(likelihood * impact) });
    }
    rows.push({ likelihood, label: likelihoodLabels[likelihood - 1] ?? String(likelihood), cells });
  }
  return rows;
}
