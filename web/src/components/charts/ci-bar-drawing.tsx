import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Tooltip, XAxis, YAxis } from "recharts";
import type { CiBarChartData } from "./chart-types";

const axisTick = { fill: "var(--muted-foreground)", fontSize: 12 };

/**
 * The Recharts drawing of a CiBarChart (loaded as its own chunk): horizontal bars with asymmetric
 * error bars from each bar's 95% interval. Uncertain bars are lighter and dashed; a null value draws
 * no bar (a gap, not a zero).
 */
export default function CiBarDrawing({ data }: { data: CiBarChartData }) {
  const rows = data.bars.map((bar) => ({
    ...bar,
    error:
      bar.value === null || bar.interval === null
        ? undefined
        : [Math.max(0, bar.value - bar.interval[0]), Math.max(0, bar.interval[1] - bar.value)],
  }));
  const labelWidth = Math.min(220, Math.max(60, ...data.bars.map((bar) => bar.label.length * 7)));
  return (
    <BarChart
      data={rows}
      layout="vertical"
      responsive
      accessibilityLayer={false}
      style={{ width: "100%", height: "100%" }}
      margin={{ top: 4, right: 24, bottom: 20, left: 4 }}
    >
      <CartesianGrid horizontal={false} stroke="var(--border)" />
      <XAxis
        type="number"
        domain={[data.domain[0], data.domain[1]]}
        tickFormatter={data.formatValue}
        tick={axisTick}
        stroke="var(--border)"
        label={{
          value: data.valueLabel,
          position: "insideBottom",
          offset: -12,
          fill: "var(--muted-foreground)",
          fontSize: 12,
        }}
      />
      <YAxis type="category" dataKey="label" width={labelWidth} tick={axisTick} stroke="var(--border)" />
      <Tooltip
        cursor={{ fill: "var(--muted)" }}
        contentStyle={{
          background: "var(--card)",
          borderColor: "var(--border)",
          color: "var(--card-foreground)",
        }}
        formatter={(value) => (typeof value === "number" ? data.formatValue(value) : "—")}
      />
      <Bar dataKey="value" name={data.valueLabel} isAnimationActive={false} barSize={18}>
        {rows.map((row) => (
          <Cell
            key={row.id}
            fill={row.color}
            fillOpacity={row.uncertain ? 0.35 : 0.9}
            stroke={row.color}
            strokeDasharray={row.uncertain ? "4 3" : undefined}
          />
        ))}
        <ErrorBar
          dataKey="error"
          width={6}
          stroke="var(--foreground)"
          strokeWidth={1.5}
          isAnimationActive={false}
        />
      </Bar>
    </BarChart>
  );
}
