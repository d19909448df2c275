import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { riskFixture, riskListFixture } from "../testing/fixtures";
import { RisksPage } from "./risks-page";

describe("RisksPage", () => {
  it("draws both heat maps as labelled tables of counts with bands in text", async () => {
    server.use(
      answer(
        governanceApi.risks.list,
        riskListFixture([
          riskFixture(),
          riskFixture({
            id: "data-leak",
            title: "Data leak",
            likelihood: 4,
            impact: 4,
            residualLikelihood: 1,
          }),
        ]),
      ),
    );
    await renderWithApp(<RisksPage />);
    const inherent = await screen.findByRole("table", { name: /^Inherent risk/ });
    const likely = within(inherent).getByRole("row", { name: /^4 Likely/ });
    const major = within(likely).getAllByRole("cell")[3];
    expect(major).toHaveTextContent("2");
    expect(major).toHaveTextContent("high");
    expect(major).toHaveTextContent("prompt-injection");
    expect(major).toHaveTextContent("data-leak");
    expect(within(inherent).getByRole("columnheader", { name: "4 Major" })).toBeInTheDocument();
    const residual = screen.getByRole("table", { name: /^Residual risk/ });
    const unlikely = within(residual).getByRole("row", { name: /^2 Unlikely/ });
    expect(within(unlikely).getAllByRole("cell")[3]).toHaveTextContent("1medium");
    const register = screen.getByRole("table", { name: "Risk register" });
    expect(within(register).getAllByText("High")[0]?.querySelector("svg")).not.toBeNull();
  });

  it("edits a risk and puts the server's field refusal on that field", async () => {
    const bodies: unknown[] = [];
    server.use(
      answer(governanceApi.risks.list, riskListFixture()),
      failWith(
        governanceApi.risks.replace,
        400,
        "body/controls/input-scanning Too big: expected number to be <=1",
      ),
    );
    const { user } = await renderWithApp(<RisksPage />);
    await user.click(
      await screen.findByRole("button", { name: "Edit Prompt injection through retrieved documents" }),
    );
    const dialog = await screen.findByRole("dialog", { name: /^Edit Prompt injection/ });
    expect(within(dialog).getByLabelText("Id")).toHaveAttribute("readonly");
    expect(within(dialog).getByLabelText("Controls and their effectiveness")).toHaveValue(
      "input-scanning=0.5",
    );
    await user.selectOptions(within(dialog).getByLabelText("Likelihood"), "5");
    await user.click(within(dialog).getByRole("button", { name: "Save risk" }));
    expect(await within(dialog).findByText("Too big: expected number to be <=1")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Controls and their effectiveness")).toHaveAttribute(
      "aria-invalid",
      "true",
    );

    server.use(
      http.put(`*/api/v1/governance/risks/:id`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return HttpResponse.json(governanceApi.risks.replace.response.parse(riskFixture({ likelihood: 5 })));
      }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Save risk" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect(bodies[0]).toMatchObject({ id: "prompt-injection", likelihood: 5, impact: 4, history: [] });
    expect(bodies[0]).not.toHaveProperty("inherent");
  });

  it("lets an auditor read the register with every change disabled", async () => {
    server.use(answer(governanceApi.risks.list, riskListFixture()));
    await renderWithApp(<RisksPage />, { role: "auditor" });
    await screen.findByRole("table", { name: "Risk register" });
    expect(screen.getByRole("button", { name: "New risk" })).toBeDisabled();
    expect(screen.getByRole("button", { name: /^Edit Prompt injection/ })).toBeDisabled();
    expect(screen.getByRole("button", { name: /^Delete Prompt injection/ })).toBeDisabled();
    expect(
      screen.getByText(/Read-only: changing these records needs the governance:write scope/),
    ).toBeInTheDocument();
  });
});
