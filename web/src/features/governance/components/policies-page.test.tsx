import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { policyFixture } from "../testing/fixtures";
import { PoliciesPage } from "./policies-page";

describe("PoliciesPage", () => {
  it("approves a policy in review, naming the signed-in admin as approver", async () => {
    let approvals = 0;
    let policies = [policyFixture(), policyFixture({ id: "old", title: "Old policy", state: "retired" })];
    server.use(
      answer(governanceApi.policies.list, () => ({ data: policies })),
      answer(governanceApi.policyApprove, (_request, params) => {
        approvals++;
        const approved = policyFixture({
          id: params.id,
          state: "approved",
          approver: "owner key",
          approvedAt: "2026-11-27",
          reviewDue: "2027-11-27",
        });
        policies = [approved, policies[1] as never];
        return approved;
      }),
    );
    const { user } = await renderWithApp(<PoliciesPage />, { role: "owner" });
    const table = await screen.findByRole("table", { name: "Policies" });
    expect(within(table).getByText("In review").querySelector("svg")).not.toBeNull();
    // a retired policy is not offered for approval
    expect(within(table).queryByRole("button", { name: "Approve Old policy" })).toBeNull();
    await user.click(within(table).getByRole("button", { name: "Approve AI use policy" }));
    const dialog = await screen.findByRole("dialog", { name: "Approve AI use policy?" });
    expect(dialog).toHaveTextContent("owner key as approver");
    await user.click(within(dialog).getByRole("button", { name: "Approve" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect(approvals).toBe(1);
    expect(await within(table).findByText("Approved")).toBeInTheDocument();
    expect(within(table).getByText("on 2026-11-27")).toBeInTheDocument();
  });

  it("shows the policy text as text, never as markup", async () => {
    server.use(answer(governanceApi.policies.list, { data: [policyFixture()] }));
    const { user } = await renderWithApp(<PoliciesPage />);
    await user.click(await screen.findByRole("button", { name: "Read AI use policy" }));
    const dialog = await screen.findByRole("dialog", { name: "AI use policy" });
    expect(dialog).toHaveTextContent("<script>alert(1)</script> stays text.");
    expect(dialog.querySelector("script")).toBeNull();
  });

  it("lets an auditor read but not approve or edit", async () => {
    server.use(answer(governanceApi.policies.list, { data: [policyFixture()] }));
    await renderWithApp(<PoliciesPage />, { role: "auditor" });
    expect(await screen.findByRole("button", { name: "Approve AI use policy" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Edit AI use policy" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Read AI use policy" })).toBeEnabled();
  });
});
