import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { TrainingPage } from "./training-page";

const module = {
  id: "owasp-llm-top-10",
  title: "OWASP Top 10 for LLM applications",
  roles: ["developer"],
  dueDays: 30,
};
const overdue = {
  person: "alice",
  role: "developer",
  module: module.id,
  assignedAt: "2026-09-01T00:00:00.000Z",
  dueAt: "2026-10-01T00:00:00.000Z",
  completedAt: null,
  overdue: true,
};
const view = {
  modules: [module],
  people: { alice: "developer" },
  completions: [],
  assignments: [overdue],
  overdue: [overdue],
};

describe("TrainingPage", () => {
  it("lists the overdue assignments and records a completion dated today", async () => {
    const sent: unknown[] = [];
    server.use(
      answer(governanceApi.training, view),
      http.post(`*${governanceApi.trainingCompletionAdd.path}`, async ({ request }) => {
        const body = (await request.json()) as { person: string; module: string; at: string };
        sent.push(body);
        const done = { ...overdue, completedAt: body.at, overdue: false };
        return HttpResponse.json(
          governanceApi.trainingCompletionAdd.response.parse({
            ...view,
            completions: [body],
            assignments: [done],
            overdue: [],
          }),
          { status: 201 },
        );
      }),
    );
    const { user } = await renderWithApp(<TrainingPage />);
    const late = await screen.findByRole("table", { name: "Overdue training" });
    expect(within(late).getByText("overdue").closest("span")?.querySelector("svg")).not.toBeNull();
    await user.click(
      within(late).getByRole("button", {
        name: "Record completion: alice, OWASP Top 10 for LLM applications",
      }),
    );
    expect(await screen.findByText("No one is overdue.")).toBeInTheDocument();
    expect(sent).toEqual([{ person: "alice", module: module.id, at: new Date().toISOString().slice(0, 10) }]);
    const all = screen.getByRole("table", { name: "Training assignments" });
    expect(within(all).getByText(/^done /)).toBeInTheDocument();
  });

  it("lets an auditor read the lists without recording anything", async () => {
    server.use(answer(governanceApi.training, view));
    await renderWithApp(<TrainingPage />, { role: "auditor" });
    await screen.findByRole("table", { name: "Overdue training" });
    for (const button of screen.getAllByRole("button", { name: /^Record completion/ }))
      expect(button).toBeDisabled();
    expect(screen.getByRole("button", { name: "Set role" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "New module" })).toBeDisabled();
  });
});
