import type { RaciChart } from "@core/api/governance";
import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { RaciPage } from "./raci-page";

const chart: RaciChart = {
  audits: { ciso: "A", "compliance-officer": "R", dpo: "C" },
  training: { "compliance-officer": "A", dpo: "R" },
};
const view = (of: RaciChart) => ({ chart: of, issues: [], roles: ["ciso", "compliance-officer", "dpo"] });

function cellAt(activity: string, role: string): HTMLElement {
  const grid = screen.getByRole("grid", { name: /RACI chart/ });
  const columns = within(grid)
    .getAllByRole("columnheader")
    .map((header) => header.textContent);
  const row = within(grid)
    .getAllByRole("row")
    .find((candidate) => within(candidate).queryByRole("rowheader")?.textContent === activity);
  if (!row) throw new Error(`no row ${activity}`);
  const cell = within(row).getAllByRole("gridcell")[columns.indexOf(role) - 1];
  if (!cell) throw new Error(`no cell ${activity} x ${role}`);
  return cell;
}

async function tabIntoGrid(user: { tab: () => Promise<void> }) {
  for (let step = 0; step < 10 && document.activeElement?.getAttribute("role") !== "gridcell"; step++) {
    await user.tab();
    if (document.activeElement?.tagName === "TD") break;
  }
}

describe("RaciPage", () => {
  it("is one tab stop, and the arrow keys, Home and End move between cells", async () => {
    server.use(answer(governanceApi.raci, view(chart)));
    const { user } = await renderWithApp(<RaciPage />, { path: "/governance/raci" });
    const grid = await screen.findByRole("grid", { name: /RACI chart/ });
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await tabIntoGrid(user);
    expect(document.activeElement).toBe(cellAt("audits", "ciso"));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(cellAt("audits", "compliance-officer"));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(cellAt("training", "compliance-officer"));
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(cellAt("training", "dpo"));
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(cellAt("training", "ciso"));
    // the roving tab stop followed the focus
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(cellAt("training", "ciso")).toHaveAttribute("tabindex", "0");
    // Tab leaves the grid instead of walking its cells
    await user.tab();
    expect(document.activeElement?.tagName).not.toBe("TD");
  });

  it("edits with Enter, cancels with Escape, and shows a second A as an error until it is fixed", async () => {
    const saved: unknown[] = [];
    const validated: unknown[] = [];
    server.use(
      answer(governanceApi.raci, view(chart)),
      answer(governanceApi.raciValidate, (request) => {
        validated.push(request.url);
        return { valid: true, issues: [], activities: [] };
      }),
      answer(governanceApi.raciReplace, (request) => {
        saved.push(request.method);
        return view({ ...chart, audits: { ciso: "R", dpo: "A", "compliance-officer": "R" } });
      }),
    );
    const { user } = await renderWithApp(<RaciPage />);
    await screen.findByRole("grid", { name: /RACI chart/ });
    const save = screen.getByRole("button", { name: "Save chart" });
    expect(save).toBeDisabled();
    expect(screen.getByText("No changes to save.")).toBeInTheDocument();

    await tabIntoGrid(user);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(cellAt("audits", "dpo"));
    // Escape leaves the cell as it was and gives the focus back to it
    await user.keyboard("{Enter}");
    const editor = screen.getByRole("combobox", { name: "dpo for audits" });
    expect(editor).toHaveFocus();
    await user.keyboard("r{Escape}");
    expect(cellAt("audits", "dpo")).toHaveTextContent("C");
    expect(cellAt("audits", "dpo")).toHaveFocus();

    // F2, then A and Enter: two accountable roles
    await user.keyboard("{F2}a{Enter}");
    expect(cellAt("audits", "dpo")).toHaveTextContent("AAccountable");
    expect(cellAt("audits", "dpo")).toHaveFocus();
    const summary = screen.getByRole("heading", { name: "1 problem to fix before saving" });
    expect(summary.parentElement).toHaveTextContent(
      "audits has 2 accountable roles (A); it needs exactly one",
    );
    for (const role of ["ciso", "dpo"]) {
      const cell = cellAt("audits", role);
      expect(cell).toHaveAttribute("aria-invalid", "true");
      const described = document.getElementById(cell.getAttribute("aria-describedby") ?? "");
      expect(described).toHaveTextContent("has 2 accountable roles");
    }
    expect(cellAt("audits", "compliance-officer")).not.toHaveAttribute("aria-invalid");
    expect(save).toBeDisabled();
    expect(screen.getByText("Fix the problems above to save.")).toBeInTheDocument();

    // the shortcut letter sets the CISO to R: the error clears
    await user.keyboard("{Home}r");
    expect(cellAt("audits", "ciso")).toHaveTextContent("RResponsible");
    expect(screen.queryByRole("heading", { name: /to fix before saving/ })).toBeNull();
    expect(screen.getByText("Every activity has exactly one A and at least one R.")).toBeInTheDocument();
    expect(cellAt("audits", "ciso")).not.toHaveAttribute("aria-invalid");
    expect(save).toBeEnabled();

    await user.click(save);
    // the saved chart is the server's now: nothing left to save
    expect(await screen.findByText("No changes to save.")).toBeInTheDocument();
    expect(validated).toHaveLength(1);
    expect(saved).toEqual(["PUT"]);
  });

  it("does not save when the server's dry run refuses the chart", async () => {
    let replaced = false;
    server.use(
      answer(governanceApi.raci, view(chart)),
      answer(governanceApi.raciValidate, {
        valid: false,
        issues: [{ activity: "training", message: "has no responsible role (R)" }],
        activities: [],
      }),
      answer(governanceApi.raciReplace, () => {
        replaced = true;
        return view(chart);
      }),
    );
    const { user } = await renderWithApp(<RaciPage />);
    await screen.findByRole("grid", { name: /RACI chart/ });
    await tabIntoGrid(user);
    await user.keyboard("{End}i");
    await user.click(screen.getByRole("button", { name: "Save chart" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Nothing was saved. The server found a problem: training has no responsible role (R)",
    );
    expect(replaced).toBe(false);
  });

  it("lets an auditor move through the chart but not change it, and says why", async () => {
    server.use(answer(governanceApi.raci, view(chart)));
    const { user } = await renderWithApp(<RaciPage />, { role: "auditor" });
    const grid = await screen.findByRole("grid", { name: /RACI chart/ });
    expect(grid).toHaveAttribute("aria-readonly", "true");
    await tabIntoGrid(user);
    await user.keyboard("{ArrowDown}{Enter}a{Delete}");
    expect(screen.queryByRole("combobox", { name: /for training/ })).toBeNull();
    expect(cellAt("training", "ciso")).toHaveFocus();
    expect(cellAt("training", "compliance-officer")).toHaveTextContent("A");
    expect(screen.getByRole("button", { name: "Save chart" })).toBeDisabled();
    expect(
      screen.getByText(/Saving needs the governance:write scope \(admin or owner role\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add activity" })).toBeDisabled();
  });
});
