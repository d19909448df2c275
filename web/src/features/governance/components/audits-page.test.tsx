import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { auditFixture } from "../testing/fixtures";
import { AuditsPage } from "./audits-page";

const run = {
  id: "run_1",
  audit: "quarterly-ai-review",
  at: "2026-11-27T10:00:00.000Z",
  trigger: "manual" as const,
  actor: "admin:key_admin",
  results: [
    { check: "model-ownership" as const, passed: false, problems: ["model mistral-7b: not approved"] },
    { check: "audit-chain" as const, passed: null, problems: [] },
  ],
};
const finding = {
  id: "auto-model-ownership",
  title: "model-ownership: model mistral-7b: not approved",
  severity: "medium" as const,
  owner: "ciso",
  due: "2026-12-27",
  status: "open" as const,
  audit: "quarterly-ai-review",
  check: "model-ownership" as const,
  problems: ["model mistral-7b: not approved"],
  openedAt: run.at,
  lastSeenAt: run.at,
  closedAt: null,
};

describe("AuditsPage", () => {
  it("runs the checks now and shows each result and the finding it opened", async () => {
    let audits = [auditFixture()];
    let runs = 0;
    server.use(
      answer(governanceApi.audits.list, () => ({ data: audits })),
      answer(governanceApi.auditRun, () => {
        runs++;
        audits = [auditFixture({ lastRun: run, automatedFindings: [finding], openFindings: 1 })];
        return { run, findings: [finding] };
      }),
    );
    const { user } = await renderWithApp(<AuditsPage />);
    const plan = await screen.findByRole("region", { name: "Quarterly AI governance review" });
    expect(within(plan).getByText("Not run yet: model-ownership, audit-chain.")).toBeInTheDocument();
    await user.click(within(plan).getByRole("button", { name: "Run checks now" }));
    const results = await within(plan).findByRole("list", { name: "Results of the last run" });
    expect(runs).toBe(1);
    const items = within(results).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent(/model-ownership\s*failed/);
    expect(items[0]).toHaveTextContent("model mistral-7b: not approved");
    // evidence that was not available is never shown as passed
    expect(within(results).getByText("not available")).toBeInTheDocument();
    const findings = within(plan).getByRole("table", { name: "Findings of Quarterly AI governance review" });
    expect(within(findings).getByText("Medium").querySelector("svg")).not.toBeNull();
    expect(within(findings).getByText("auto-model-ownership · check model-ownership")).toBeInTheDocument();
  });

  it("keeps the checks from an auditor, with the reason", async () => {
    server.use(answer(governanceApi.audits.list, { data: [auditFixture()] }));
    await renderWithApp(<AuditsPage />, { role: "auditor" });
    const button = await screen.findByRole("button", { name: "Run checks now" });
    expect(button).toBeDisabled();
    expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
      "Running the checks needs the governance:write scope",
    );
  });

  it("says what to do when there is no audit plan", async () => {
    server.use(answer(governanceApi.audits.list, { data: [] }));
    await renderWithApp(<AuditsPage />);
    expect(await screen.findByText("No audit plans")).toBeInTheDocument();
  });
});
