import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "@/test/render";
import type { CiBarChartData } from "./chart-types";
import { CiBarChart } from "./ci-bar-chart";

function data(overrides: Partial<CiBarChartData> = {}): CiBarChartData {
  return {
    bars: [
      {
        id: "a",
        label: "Alpha",
        value: 0.5,
        valueText: "50%",
        interval: [0.3, 0.7],
        uncertain: false,
        color: "var(--chart-1)",
      },
      {
        id: "b",
        label: "Beta",
        value: null,
        valueText: "no rate",
        interval: null,
        uncertain: false,
        color: "var(--chart-1)",
      },
    ],
    summary: "Rate by letter: Alpha 50%, Beta no rate.",
    valueLabel: "Rate",
    domain: [0, 1],
    formatValue: (value) => `${Math.round(value * 100)}%`,
    table: {
      caption: "Rate by letter",
      columns: [
        { id: "name", label: "Letter" },
        { id: "rate", label: "Rate", numeric: true },
      ],
      rows: [
        { id: "a", cells: { name: "Alpha", rate: "50%" } },
        { id: "b", cells: { name: "Beta", rate: "—" } },
      ],
    },
    unavailable: null,
    uncertainNote: null,
    ...overrides,
  };
}

describe("CiBarChart", () => {
  it("draws the chart as one image with the summary, and switches to its table equivalent", async () => {
    const { user } = await renderWithApp(<CiBarChart title="Rate by letter" data={data()} />);
    const image = await screen.findByRole(
      "img",
      { name: "Rate by letter: Alpha 50%, Beta no rate." },
      { timeout: 10_000 },
    );
    expect(image).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    const figure = screen.getByRole("figure", { name: "Rate by letter" });
    await user.click(within(figure).getByRole("button", { name: /Table/ }));
    expect(within(figure).getByRole("button", { name: /Table/ })).toHaveAttribute("aria-pressed", "true");
    const table = screen.getByRole("table", { name: "Rate by letter" });
    expect(within(table).getByRole("rowheader", { name: "Beta" })).toBeInTheDocument();
    expect(within(table).getAllByRole("row")[2]).toHaveTextContent("Beta—");
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });

  it("says why it cannot draw, and still shows the table when there are rows", async () => {
    await renderWithApp(
      <CiBarChart title="Rate by letter" data={data({ unavailable: "the run is still running." })} />,
    );
    expect(screen.getByRole("note")).toHaveTextContent("Cannot draw this chart: the run is still running.");
    expect(screen.queryByRole("button", { name: /Chart/ })).not.toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Rate by letter" })).toBeInTheDocument();
  });

  it("explains the less-certain style when a bar has it", async () => {
    await renderWithApp(
      <CiBarChart
        title="Rate by letter"
        data={data({ uncertainNote: "Lighter, dashed marks: few cases." })}
      />,
    );
    expect(
      await screen.findByText("Lighter, dashed marks: few cases.", {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});
