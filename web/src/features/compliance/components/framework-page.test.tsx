import { complianceFrameworkReport } from "@core/api/compliance";
import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { reportFixture } from "../testing/fixtures";
import { FrameworkPage } from "./framework-page";

afterEach(() => vi.restoreAllMocks());

function requirement(name: string): HTMLElement {
  return screen.getByText(name).closest("details") as HTMLElement;
}

describe("FrameworkPage", () => {
  it("shows each requirement's status as icon and text, its evidence with freshness, and its gaps", async () => {
    server.use(answer(complianceFrameworkReport, reportFixture()));
    const { user } = await renderWithApp(<FrameworkPage framework="owasp-llm-2025" search={{}} />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "OWASP Top 10 for LLM Applications" }),
    ).toBeVisible();
    const llm01 = requirement("LLM01 Prompt Injection");
    expect(llm01).not.toHaveAttribute("open");
    expect(within(llm01).getByText("Partial")).toBeInTheDocument();
    await user.click(screen.getByText("LLM01 Prompt Injection"));
    expect(llm01).toHaveAttribute("open");
    const evidence = within(llm01).getByRole("table", { name: "Evidence for LLM01 Prompt Injection" });
    const row = within(evidence).getAllByRole("row")[1] as HTMLElement;
    expect(row).toHaveTextContent("prompt-injection-defence");
    expect(row).toHaveTextContent("redteam · LLM01");
    expect(row).toHaveTextContent("Fail");
    expect(row).toHaveTextContent("20 Nov 2026, 10:00:00 UTC");
    expect(row).toHaveTextContent("Fresh2 days old; stale after 30 days");
    expect(within(llm01).getByText(/Enable the prompt-injection detector/)).toBeInTheDocument();
    expect(within(llm01).getByText("Recommended action:")).toBeInTheDocument();
    const llm09 = requirement("LLM09 Misinformation");
    expect(within(llm09).getByText("Not met")).toBeInTheDocument();
    expect(within(llm09).getByText("No evidence collected")).toBeInTheDocument();
  });

  it("shows shared responsibility where the report has it", async () => {
    server.use(answer(complianceFrameworkReport, reportFixture()));
    await renderWithApp(<FrameworkPage framework="owasp-llm-2025" search={{}} />);
    await screen.findByRole("heading", { level: 1 });
    const table = within(requirement("LLM05 Improper Output Handling")).getByRole("table", {
      name: /Shared responsibility for LLM05/,
    });
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent(
      "output-scanningyour organisationsupport-bot: customer",
    );
    expect(
      within(requirement("LLM01 Prompt Injection")).queryByText("Shared responsibility"),
    ).not.toBeInTheDocument();
  });

  it("filters requirements by the URL's status and puts a new choice in the URL", async () => {
    server.use(answer(complianceFrameworkReport, reportFixture()));
    const { user, router } = await renderWithApp(
      <FrameworkPage framework="owasp-llm-2025" search={{ status: "met" }} />,
      {
        path: "/compliance/owasp-llm-2025?status=met",
      },
    );
    await screen.findByText("LLM05 Improper Output Handling");
    expect(screen.queryByText("LLM01 Prompt Injection")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Met (1)" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Attested (0)" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Not met (1)" }));
    await waitFor(() => expect(router.state.location.search).toEqual({ status: "not-met" }));
    expect(router.state.location.pathname).toBe("/compliance/owasp-llm-2025");
  });

  it("downloads the report and this framework's evidence pack", async () => {
    let packBody: unknown;
    let reportUrl = "";
    server.use(
      answer(complianceFrameworkReport, reportFixture()),
      http.get("*/api/v1/compliance/:framework/report", ({ request }) => {
        reportUrl = request.url;
        return HttpResponse.text("<!doctype html><title>report</title>", {
          headers: { "content-disposition": 'attachment; filename="owasp-llm-2025-2025-compliance.html"' },
        });
      }),
      http.post("*/api/v1/compliance/pack", async ({ request }) => {
        packBody = await request.json();
        return new HttpResponse(new Uint8Array([0x1f, 0x8b]), {
          headers: { "content-disposition": 'attachment; filename="rampart-evidence-pack-x.tar.gz"' },
        });
      }),
    );
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => "blob:file");
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { user } = await renderWithApp(<FrameworkPage framework="owasp-llm-2025" search={{}} />);
    await user.click(await screen.findByRole("button", { name: "Download the report as HTML" }));
    await waitFor(() => expect(saved).toEqual(["owasp-llm-2025-2025-compliance.html"]));
    expect(new URL(reportUrl).search).toBe("?format=html&version=2025");
    await user.click(screen.getByRole("button", { name: "Evidence pack" }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(packBody).toEqual({ frameworks: ["owasp-llm-2025"] });
  });

  it("shows an unknown framework's error", async () => {
    server.use(
      failWith(complianceFrameworkReport, 404, "no framework 'nope' (known: owasp-llm-2025)", "not_found"),
    );
    await renderWithApp(<FrameworkPage framework="nope" search={{}} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("no framework 'nope'");
  });
});
