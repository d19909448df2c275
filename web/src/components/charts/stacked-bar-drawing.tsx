import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { StackedBarChartData } from "./stacked-bar-types";

const axisTick = { fill: "var(--muted-foreground)", fontSize: 12 };

/**
 * The Recharts drawing of a StackedBarChart (loaded as its own chunk): one bar per category, its
 * series stacked. A bar whose values are null draws nothing (a gap, not a zero).
 */
export default function StackedBarDrawing({ data }: { data: StackedBarChartData }) {
  const rows = data.bars.map((bar) => ({ label: bar.label, ...bar.values }));
  return (
    <BarChart
      data={rows}
      responsive
      accessibilityLayer={false}
      style={{ width: "100%", height: "100%" }}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid vertical={false} stroke="var(--border)" />
      <XAxis dataKey="label" tick={axisTick} stroke="var(--border)" minTickGap={16} />
      <YAxis
        domain={[data.domain[0], data.domain[1]]}
        tickFormatter={data.formatValue}
        tick={axisTick}
        stroke="var(--border)"
        width={56}
        allowDecimals={false}
        label={{
          value: data.valueLabel,
          angle: -90,
          position: "insideLeft",
          fill: "var(--muted-foreground)",
          fontSize: 12,
        }}
      />
      <Tooltip
        cursor={{ fill: "var(--muted)" }}
        contentStyle={{
          background: "var(--card)",
          borderColor: "var(--border)",
          color: "var(--card-foreground)",
        }}
        formatter={(value) => (typeof value === "number" ? data.formatValue(value) : "no data")}
      />
      {data.series.map((series) => (
        <Bar
          key={series.id}
          dataKey={series.id}
          name={series.label}
          stackId="stack"
          fill={series.color}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
