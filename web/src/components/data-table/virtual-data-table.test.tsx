import { fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp } from "@/test/render";
import { dataTableColumns } from "./data-table-features";
import { layOutScrollRegions } from "./testing/layout";
import { VirtualDataTable } from "./virtual-data-table";

interface Item {
  id: string;
  name: string;
  size: number;
}

const helper = dataTableColumns<Item>();
const columns = helper.columns([
  helper.accessor("name", { header: "Name", meta: { rowHeader: true, width: "12rem" } }),
  helper.accessor("size", { header: "Size", meta: { numeric: true } }),
]);

function items(count: number): Item[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `item-${index}`,
    name: `Item ${index}`,
    size: index,
  }));
}

/** 100,000 rows and a button that puts three new ones on top, as live events do. */
function Growing() {
  const [data, setData] = useState(() => items(100_000));
  const prepend = () =>
    setData((current) => [
      ...[3, 2, 1].map((n) => ({ id: `new-${n}`, name: `New ${n}`, size: n })),
      ...current,
    ]);
  return (
    <>
      <button type="button" onClick={prepend}>
        Add three
      </button>
      <VirtualDataTable
        caption="Items"
        columns={columns}
        data={data}
        getRowId={(item) => item.id}
        rowHeight={36}
        height={360}
        overscan={2}
      />
    </>
  );
}

describe("VirtualDataTable", () => {
  layOutScrollRegions();

  it("draws 100,000 rows as a window of rows with aria-rowcount and aria-rowindex", async () => {
    const data = items(100_000);
    await renderWithApp(
      <VirtualDataTable
        caption="Items"
        columns={columns}
        data={data}
        getRowId={(item) => item.id}
        rowHeight={36}
        height={360}
        overscan={5}
      />,
    );
    const table = screen.getByRole("table", { name: "Items" });
    expect(table).toHaveAttribute("aria-rowcount", "100001");
    const rows = within(table).getAllByRole("row");
    // the header, then the rows in view plus overscan: a few dozen, never 100,000
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveAttribute("aria-rowindex", "1");
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Name", "Size"]);
    expect(rows[1]).toHaveAttribute("aria-rowindex", "2");
    expect(within(rows[1] as HTMLElement).getByRole("rowheader")).toHaveTextContent("Item 0");
    expect(rows[2]).toHaveAttribute("aria-rowindex", "3");
    // the spacer below the drawn rows stands for the rest and is hidden from assistive technology
    const spacers = table.querySelectorAll('tr[aria-hidden="true"]');
    expect(spacers).toHaveLength(1);
    const spacer = spacers[0]?.firstElementChild as HTMLElement;
    expect(spacer.style.height).toMatch(/^\d+px$/);
    expect(Number.parseInt(spacer.style.height, 10)).toBeGreaterThan(36 * 99_000);
  });

  it("says the total is unknown while more pages exist, and asks for them", async () => {
    const onLoadMore = vi.fn();
    const { user } = await renderWithApp(
      <VirtualDataTable
        caption="Items"
        columns={columns}
        data={items(10)}
        getRowId={(item) => item.id}
        hasMore
        onLoadMore={onLoadMore}
        loadMoreLabel="Load older items"
      />,
    );
    expect(screen.getByRole("table", { name: "Items" })).toHaveAttribute("aria-rowcount", "-1");
    await user.click(screen.getByRole("button", { name: "Load older items" }));
    expect(onLoadMore).toHaveBeenCalled();
  });

  it("renders an empty body with the message given", async () => {
    await renderWithApp(
      <VirtualDataTable
        caption="Items"
        columns={columns}
        data={[]}
        getRowId={(item) => item.id}
        empty={<p>No items yet</p>}
      />,
    );
    expect(screen.getByRole("table", { name: "Items" })).toHaveAttribute("aria-rowcount", "1");
    expect(screen.getByText("No items yet")).toBeInTheDocument();
  });

  it("draws later rows with their own aria-rowindex after scrolling", async () => {
    await renderWithApp(
      <VirtualDataTable
        caption="Items"
        columns={columns}
        data={items(1000)}
        getRowId={(item) => item.id}
        rowHeight={36}
        height={360}
        overscan={2}
      />,
    );
    const region = screen.getByRole("region", { name: "Items" });
    region.scrollTop = 36 * 500;
    fireEvent.scroll(region);
    const row = await screen.findByRole("rowheader", { name: "Item 500" });
    expect(row.closest("tr")).toHaveAttribute("aria-rowindex", "502");
    expect(screen.queryByRole("rowheader", { name: "Item 0" })).not.toBeInTheDocument();
  });

  it("keeps the rows being read in place when rows arrive on top of 100,000", async () => {
    const { user } = await renderWithApp(<Growing />);
    const region = screen.getByRole("region", { name: "Items" });
    region.scrollTop = 36 * 500;
    fireEvent.scroll(region);
    await screen.findByRole("rowheader", { name: "Item 500" });
    await user.click(screen.getByRole("button", { name: "Add three" }));
    expect(region.scrollTop).toBe(36 * 503);
    expect(screen.getByRole("table", { name: "Items" })).toHaveAttribute("aria-rowcount", "100004");
    const row = screen.getByRole("rowheader", { name: "Item 500" }).closest("tr");
    expect(row).toHaveAttribute("aria-rowindex", "505");
  });

  it("shows rows arriving on top at once when the reader is at the top", async () => {
    const { user } = await renderWithApp(<Growing />);
    await user.click(screen.getByRole("button", { name: "Add three" }));
    const region = screen.getByRole("region", { name: "Items" });
    expect(region.scrollTop).toBe(0);
    expect(screen.getByRole("rowheader", { name: "New 3" }).closest("tr")).toHaveAttribute(
      "aria-rowindex",
      "2",
    );
  });
});
