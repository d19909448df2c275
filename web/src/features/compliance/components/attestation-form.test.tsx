import { complianceFrameworkReport } from "@core/api/compliance";
import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { applyAttestationChange } from "../api/attestations";
import { reportFixture } from "../testing/fixtures";
import { FrameworkPage } from "./framework-page";

const earlier = {
  framework: "owasp-llm-2025",
  requirement: "LLM01",
  status: "attested" as const,
  by: "old key",
  at: "2026-01-01T00:00:00.000Z",
  note: "old",
};
const other = { ...earlier, framework: "eu-ai-act", requirement: "Art. 9" };

describe("attestations", () => {
  it("keep one entry per framework and requirement: a new one replaces, a withdrawal removes", () => {
    const now = new Date("2026-11-27T12:00:00.000Z");
    const recorded = applyAttestationChange(
      [earlier, other],
      {
        kind: "record",
        framework: "owasp-llm-2025",
        requirement: "LLM01",
        status: "not-applicable",
        by: "admin key",
        note: "no model takes untrusted input",
      },
      now,
    );
    expect(recorded).toEqual([
      other,
      {
        framework: "owasp-llm-2025",
        requirement: "LLM01",
        status: "not-applicable",
        by: "admin key",
        at: now.toISOString(),
        note: "no model takes untrusted input",
      },
    ]);
    expect(
      applyAttestationChange(
        recorded,
        { kind: "withdraw", framework: "owasp-llm-2025", requirement: "LLM01" },
        now,
      ),
    ).toEqual([other]);
  });

  it("records an attestation from the requirement, as the signed-in admin, and refreshes the report", async () => {
    const sent: unknown[] = [];
    let reports = 0;
    server.use(
      answer(complianceFrameworkReport, () => {
        reports++;
        return reportFixture();
      }),
      answer(governanceApi.attestations, { data: [other] }),
      http.put(`*${governanceApi.attestationsReplace.path}`, async ({ request }) => {
        const body = (await request.json()) as { data: unknown[] };
        sent.push(body);
        return HttpResponse.json(governanceApi.attestationsReplace.response.parse(body));
      }),
    );
    const { user } = await renderWithApp(<FrameworkPage framework="owasp-llm-2025" search={{}} />);
    await screen.findByRole("heading", { level: 1 });
    await user.click(screen.getByText("LLM09 Misinformation"));
    const form = screen.getByRole("form", { name: "Attestation for LLM09 Misinformation" });
    // a reason is required
    await user.click(within(form).getByRole("button", { name: "Record attestation" }));
    expect(within(form).getByText(/an attestation without a reason is not evidence/)).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.selectOptions(within(form).getByLabelText("Attest as"), "not-applicable");
    await user.type(
      within(form).getByLabelText("Why (kept with the attestation)"),
      "We publish no generated content.",
    );
    await user.click(within(form).getByRole("button", { name: "Record attestation" }));
    await expect.poll(() => sent.length).toBe(1);
    const [body] = sent as { data: Record<string, unknown>[] }[];
    expect(body?.data[0]).toEqual(other);
    expect(body?.data[1]).toMatchObject({
      framework: "owasp-llm-2025",
      requirement: "LLM09",
      status: "not-applicable",
      by: "admin key",
      note: "We publish no generated content.",
    });
    await expect.poll(() => reports).toBeGreaterThan(1);
  });

  it("lets an auditor read but not attest", async () => {
    server.use(answer(complianceFrameworkReport, reportFixture()));
    const { user } = await renderWithApp(<FrameworkPage framework="owasp-llm-2025" search={{}} />, {
      role: "auditor",
    });
    await screen.findByRole("heading", { level: 1 });
    await user.click(screen.getByText("LLM09 Misinformation"));
    const form = screen.getByRole("form", { name: "Attestation for LLM09 Misinformation" });
    expect(within(form).getByRole("button", { name: "Record attestation" })).toBeDisabled();
    expect(within(form).getByText(/^Read-only: attesting/)).toBeInTheDocument();
  });
});
