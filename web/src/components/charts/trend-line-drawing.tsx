import { CartesianGrid, ErrorBar, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendChartData, TrendPoint } from "./chart-types";

const axisTick = { fill: "var(--muted-foreground)", fontSize: 12 };

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: TrendPoint;
  stroke?: string;
}

/** A point: filled when certain, hollow and dashed when uncertain; nothing for a gap. */
function TrendDot({ cx, cy, payload, stroke }: DotProps) {
  if (cx === undefined || cy === undefined || payload?.y === null || payload === undefined) return null;
  return payload.uncertain ? (
    <circle
      cx={cx}
      cy={cy}
      r={4}
      fill="var(--background)"
      stroke={stroke}
      strokeDasharray="2 2"
      strokeWidth={2}
    />
  ) : (
    <circle cx={cx} cy={cy} r={4} fill={stroke} stroke={stroke} />
  );
}

/**
 * The Recharts drawing of a TrendLineChart (loaded as its own chunk): one line per series over a
 * numeric x axis, error bars from each point's interval, and gaps where a value is missing.
 */
export default function TrendLineDrawing({ data }: { data: TrendChartData }) {
  return (
    <LineChart
      responsive
      accessibilityLayer={false}
      style={{ width: "100%", height: "100%" }}
      margin={{ top: 8, right: 24, bottom: 20, left: 8 }}
    >
      <CartesianGrid stroke="var(--border)" vertical={false} />
      <XAxis
        type="number"
        dataKey="x"
        scale="time"
        domain={[data.xDomain[0], data.xDomain[1]]}
        tickFormatter={data.formatX}
        tick={axisTick}
        stroke="var(--border)"
        allowDuplicatedCategory={false}
      />
      <YAxis
        domain={[data.domain[0], data.domain[1]]}
        tickFormatter={data.formatValue}
        tick={axisTick}
        stroke="var(--border)"
        width={56}
        label={{
          value: data.valueLabel,
          angle: -90,
          position: "insideLeft",
          fill: "var(--muted-foreground)",
          fontSize: 12,
        }}
      />
      <Tooltip
        contentStyle={{
          background: "var(--card)",
          borderColor: "var(--border)",
          color: "var(--card-foreground)",
        }}
        labelFormatter={(label) => (typeof label === "number" ? data.formatX(label) : String(label))}
        formatter={(value) => (typeof value === "number" ? data.formatValue(value) : "—")}
      />
      {data.series.map((series) => (
        <Line
          key={series.id}
          name={series.label}
          data={series.points.map((point) => ({
            ...point,
            error:
              point.y === null || point.interval === null
                ? undefined
                : [Math.max(0, point.y - point.interval[0]), Math.max(0, point.interval[1] - point.y)],
          }))}
          dataKey="y"
          stroke={series.color}
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
          dot={<TrendDot />}
        >
          <ErrorBar
            dataKey="error"
            width={5}
            stroke={series.color}
            strokeWidth={1}
            isAnimationActive={false}
          />
        </Line>
      ))}
    </LineChart>
  );
}
