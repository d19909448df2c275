import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import {
  assetsFixture,
  auditFixture,
  policyFixture,
  riskFixture,
  riskListFixture,
} from "../testing/fixtures";
import { GovernanceSummaryPage } from "./governance-summary-page";

describe("GovernanceSummaryPage", () => {
  it("sums up each area, and a failing area shows its own error while the rest still render", async () => {
    server.use(
      answer(governanceApi.assets, assetsFixture()),
      answer(governanceApi.raci, {
        chart: { audits: { ciso: "A", dpo: "A" } },
        issues: [{ activity: "audits", message: "has 2 accountable roles (A); it needs exactly one" }],
        roles: ["ciso", "dpo"],
      }),
      answer(
        governanceApi.risks.list,
        riskListFixture([riskFixture(), riskFixture({ id: "x", band: "critical" })]),
      ),
      answer(governanceApi.policies.list, {
        data: [policyFixture(), policyFixture({ id: "b", state: "approved", reviewOverdue: true })],
      }),
      failWith(governanceApi.acceptableUse, 500, "storage is unavailable", "storage_unavailable"),
      answer(governanceApi.audits.list, { data: [auditFixture()] }),
      answer(governanceApi.training, {
        modules: [],
        people: {},
        completions: [],
        assignments: [],
        overdue: [],
      }),
    );
    await renderWithApp(<GovernanceSummaryPage />);
    const assets = await screen.findByRole("region", { name: "Assets" });
    expect(await within(assets).findByText("Models:")).toHaveTextContent("Models: 1");
    expect(await screen.findByText(/1 rule violation to fix/)).toBeInTheDocument();
    const risks = screen.getByRole("list", { name: "Risks by residual band" });
    expect(
      within(risks)
        .getAllByRole("listitem")
        .map((item) => item.textContent?.replace(/\s+/g, " ").trim()),
    ).toEqual(["Critical 1", "High 0", "Medium 1", "Low 0"]);
    expect(screen.getByText("1 approved, 1 awaiting approval, 1 overdue for review.")).toBeInTheDocument();
    const acceptableUse = screen.getByRole("region", { name: "Acceptable use" });
    expect(await within(acceptableUse).findByRole("alert")).toHaveTextContent("storage is unavailable");
    expect(
      screen.getByText(/1 plan, 0 open findings, 0 failing checks in the last runs; 1 never run\./),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Training" })).toHaveAttribute("href", "/governance/training");
  });
});
