import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
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

  it("records a finding on the plan and closes it, keeping the rest of the plan", async () => {
    const sent: Record<string, unknown>[] = [];
    let audits = [auditFixture()];
    server.use(
      answer(governanceApi.audits.list, () => ({ data: audits })),
      http.put(`*${governanceApi.audits.replace.path}`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        const findings = body.findings as ReturnType<typeof auditFixture>["findings"];
        audits = [
          auditFixture({ findings, openFindings: findings.filter((item) => item.status === "open").length }),
        ];
        return HttpResponse.json(governanceApi.audits.replace.response.parse(audits[0]));
      }),
    );
    const { user } = await renderWithApp(<AuditsPage />);
    const plan = await screen.findByRole("region", { name: "Quarterly AI governance review" });
    await user.click(
      within(plan).getByRole("button", { name: "Record a finding for Quarterly AI governance review" }),
    );
    const dialog = await screen.findByRole("dialog", {
      name: "New finding for Quarterly AI governance review",
    });
    await user.type(within(dialog).getByLabelText("Id"), "no-dpia");
    await user.type(within(dialog).getByLabelText("Finding"), "No DPIA for the support bot");
    await user.selectOptions(within(dialog).getByLabelText("Severity"), "high");
    await user.type(within(dialog).getByLabelText("Owner (role)"), "dpo");
    await user.click(within(dialog).getByRole("button", { name: "Record finding" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    const recorded = {
      id: "no-dpia",
      title: "No DPIA for the support bot",
      severity: "high",
      owner: "dpo",
      due: "",
      status: "open",
    };
    expect(sent[0]).toEqual({
      id: "quarterly-ai-review",
      title: "Quarterly AI governance review",
      schedule: "quarterly",
      checklist: ["risks reviewed"],
      automatedChecks: ["model-ownership", "audit-chain"],
      findings: [recorded],
    });
    await user.click(
      await within(plan).findByRole("button", { name: "Close finding No DPIA for the support bot" }),
    );
    await within(plan).findByRole("button", { name: "Reopen finding No DPIA for the support bot" });
    expect(sent[1]).toMatchObject({ findings: [{ ...recorded, status: "closed" }] });
  });

  it("keeps the checks from an auditor, with the reason", async () => {
    server.use(answer(governanceApi.audits.list, { data: [auditFixture()] }));
    await renderWithApp(<AuditsPage />, { role: "auditor" });
    const button = await screen.findByRole("button", { name: "Run checks now" });
    expect(button).toBeDisabled();
    expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
      "Running the checks needs the governance:write scope",
    );
    expect(screen.getByRole("button", { name: /^Record a finding/ })).toBeDisabled();
  });

  it("says what to do when there is no audit plan", async () => {
    server.use(answer(governanceApi.audits.list, { data: [] }));
    await renderWithApp(<AuditsPage />);
    expect(await screen.findByText("No audit plans")).toBeInTheDocument();
  });
});
