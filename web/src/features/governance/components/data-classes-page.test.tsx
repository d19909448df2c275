import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { DataClassesPage } from "./data-classes-page";

const confidential = {
  id: "confidential",
  level: 2,
  description: "Customer data and contracts.",
  handling: ["encrypted at rest"],
  usageLimits: ["self-hosted models only"],
};
const publicClass = { id: "public", level: 0, description: "", handling: [], usageLimits: [] };

describe("DataClassesPage", () => {
  it("lists the classes from the most open to the most sensitive", async () => {
    server.use(answer(governanceApi.dataClasses.list, { data: [confidential, publicClass] }));
    await renderWithApp(<DataClassesPage />);
    const table = await screen.findByRole("table", { name: "Data classes" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) => within(row).getAllByRole("cell")[0]?.querySelector("strong")?.textContent),
    ).toEqual(["public", "confidential"]);
    expect(within(rows[1] as HTMLElement).getByText("self-hosted models only")).toBeInTheDocument();
  });

  it("creates a data class with its handling rules, one per line", async () => {
    const sent: unknown[] = [];
    let classes: unknown[] = [publicClass];
    server.use(
      answer(governanceApi.dataClasses.list, () => ({ data: classes as never })),
      http.post(`*${governanceApi.dataClasses.create.path}`, async ({ request }) => {
        const body = await request.json();
        sent.push(body);
        classes = [...classes, body];
        return HttpResponse.json(governanceApi.dataClasses.create.response.parse(body), { status: 201 });
      }),
    );
    const { user } = await renderWithApp(<DataClassesPage />);
    await screen.findByRole("table", { name: "Data classes" });
    await user.click(screen.getByRole("button", { name: "New data class" }));
    const dialog = await screen.findByRole("dialog", { name: "New data class" });
    await user.type(within(dialog).getByLabelText("Id"), "restricted");
    await user.selectOptions(within(dialog).getByLabelText("Level (0 the most open)"), "3");
    await user.type(
      within(dialog).getByLabelText("Handling rules (one per line)"),
      "never leaves the EU{enter}logged",
    );
    await user.click(within(dialog).getByRole("button", { name: "Create data class" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect(sent).toEqual([
      {
        id: "restricted",
        level: 3,
        description: "",
        handling: ["never leaves the EU", "logged"],
        usageLimits: [],
      },
    ]);
    expect(await screen.findByText("never leaves the EU")).toBeInTheDocument();
  });

  it("lets an auditor read the classes but not change them", async () => {
    server.use(answer(governanceApi.dataClasses.list, { data: [confidential] }));
    await renderWithApp(<DataClassesPage />, { role: "auditor" });
    expect(await screen.findByRole("button", { name: "Edit confidential" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "New data class" })).toBeDisabled();
  });
});
