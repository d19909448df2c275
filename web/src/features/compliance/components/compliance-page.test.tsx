import { complianceSummary } from "@core/api/compliance";
import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { CompliancePage } from "./compliance-page";

afterEach(() => vi.restoreAllMocks());

const summary = {
  generatedAt: "2026-11-22T10:00:00.000Z",
  data: [
    {
      framework: "owasp-llm-2025",
      version: "2025",
      name: "OWASP Top 10 for LLM Applications",
      score: 35,
      counts: { met: 1, partial: 5, "not-met": 4, "not-applicable": 0, attested: 0 },
      requirements: 10,
    },
    {
      framework: "eu-ai-act",
      version: "2024-1689",
      name: "EU AI Act (Regulation (EU) 2024/1689)",
      score: 33.3,
      counts: { met: 5, partial: 6, "not-met": 13, "not-applicable": 0, attested: 0 },
      requirements: 24,
    },
  ],
};

function captureSaves(): string[] {
  const saved: string[] = [];
  URL.createObjectURL = vi.fn(() => "blob:file");
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

describe("CompliancePage", () => {
  it("lists each framework with its score and its requirements by status", async () => {
    server.use(answer(complianceSummary, summary));
    await renderWithApp(<CompliancePage />);
    const link = await screen.findByRole("link", { name: "OWASP Top 10 for LLM Applications" });
    expect(link).toHaveAttribute("href", "/compliance/owasp-llm-2025");
    const row = link.closest("tr") as HTMLElement;
    expect(within(row).getByRole("meter", { name: /score 35\.0 of 100/ })).toHaveAttribute("value", "35");
    expect(row).toHaveTextContent("1 met0 attested5 partial4 not met0 not applicable");
    expect(row).toHaveTextContent("10");
    expect(screen.getByRole("link", { name: "EU AI Act (Regulation (EU) 2024/1689)" })).toBeInTheDocument();
  });

  it("shows what failed", async () => {
    server.use(failWith(complianceSummary, 500, "the audit trail could not be verified", "internal_error"));
    await renderWithApp(<CompliancePage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("the audit trail could not be verified");
  });

  it("downloads the signed evidence pack of every framework", async () => {
    let body: unknown;
    server.use(
      answer(complianceSummary, summary),
      http.post("*/api/v1/compliance/pack", async ({ request }) => {
        body = await request.json();
        expect(request.headers.get("x-rampart-csrf")).toBe("csrf-test-token");
        return new HttpResponse(new Uint8Array([0x1f, 0x8b, 8, 0]), {
          headers: {
            "content-type": "application/gzip",
            "content-disposition": 'attachment; filename="rampart-evidence-pack-20261122T100000Z.tar.gz"',
          },
        });
      }),
    );
    const saved = captureSaves();
    const { user } = await renderWithApp(<CompliancePage />);
    await user.click(await screen.findByRole("button", { name: "Download the evidence pack" }));
    await waitFor(() => expect(saved).toEqual(["rampart-evidence-pack-20261122T100000Z.tar.gz"]));
    expect(body).toEqual({});
  });

  it("says why the evidence pack failed", async () => {
    server.use(
      answer(complianceSummary, summary),
      http.post("*/api/v1/compliance/pack", () =>
        HttpResponse.json(
          {
            error: {
              message: "an evidence pack is being built; try again when it is done",
              type: "rate_limit_error",
              code: "rate_limited",
              param: null,
            },
          },
          { status: 429 },
        ),
      ),
    );
    const { user } = await renderWithApp(<CompliancePage />);
    await user.click(await screen.findByRole("button", { name: "Download the evidence pack" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The evidence pack could not be built: an evidence pack is being built; try again when it is done",
    );
  });
});
