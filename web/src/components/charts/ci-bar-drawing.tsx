import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  ErrorBar,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { CiBarChartData, CiBarDatum } from "./chart-types";

/**
 * A bar in its colour, lighter and dashed when uncertain. A custom shape also keeps zero-length bars
 * in the chart, so a 0% rate still shows its interval's error bar.
 */
function CiBarShape(props: BarShapeProps) {
  const bar = props.payload as CiBarDatum;
  if (!props.width) return <g />;
  return (
    <Rectangle
      x={props.x}
      y={props.y}
      width={props.width}
      height={props.height}
      fill={bar.color}
      fillOpacity={bar.uncertain ? 0.35 : 0.9}
      stroke={bar.color}
      strokeDasharray={bar.uncertain ? "4 3" : undefined}
    />
  );
}

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
      margin={{ top: 4, right: 8, bottom: 20, left: 4 }}
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
      <YAxis
        yAxisId="label"
        type="category"
        dataKey="label"
        width={labelWidth}
        tick={axisTick}
        stroke="var(--border)"
      />
      <YAxis
        yAxisId="value"
        orientation="right"
        type="category"
        dataKey="valueText"
        width={64}
        tick={{ ...axisTick, fill: "var(--foreground)" }}
        tickLine={false}
        axisLine={false}
      />
      <Tooltip
        cursor={{ fill: "var(--muted)" }}
        contentStyle={{
          background: "var(--card)",
          borderColor: "var(--border)",
          color: "var(--card-foreground)",
        }}
        formatter={(value) => (typeof value === "number" ? data.formatValue(value) : "—")}
      />
      <Bar
        yAxisId="label"
        dataKey="value"
        name={data.valueLabel}
        isAnimationActive={false}
        barSize={18}
        shape={CiBarShape}
      >
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
