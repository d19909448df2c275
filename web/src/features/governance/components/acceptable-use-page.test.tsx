import type { AcceptableUseRule } from "@core/api/governance";
import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { AcceptableUsePage } from "./acceptable-use-page";

const rules: AcceptableUseRule[] = [
  { role: "staff", target: "llama-3-70b", dataClass: "confidential", decision: "allowed" },
  { role: "staff", target: "hosted-gpt", dataClass: "internal", decision: "conditional" },
];
const view = {
  rules,
  roles: ["staff"],
  targets: ["llama-3-70b", "hosted-gpt"],
  dataClasses: [
    { id: "public", level: 0 },
    { id: "internal", level: 1 },
    { id: "confidential", level: 2 },
  ],
};

/** The compile dry run: gateway rules are the matrix's rows, the running policy has none. */
function compiling(asked: AcceptableUseRule[][]) {
  return http.post(`*${governanceApi.acceptableUseCompile.path}`, async ({ request }) => {
    const body = (await request.json()) as { rules: AcceptableUseRule[] };
    asked.push(body.rules);
    const compiled = body.rules.map((rule) => ({
      role: rule.role,
      model: rule.target,
      dataClass: rule.dataClass as "internal",
      decision: rule.decision,
    }));
    return HttpResponse.json(
      governanceApi.acceptableUseCompile.response.parse({
        compiled,
        notes: [],
        running: [],
        added: compiled,
        removed: [],
        diff: ["- []", ...compiled.map((rule) => `+ - role: ${rule.role} ${rule.model} ${rule.decision}`)],
        changed: compiled.length > 0,
      }),
    );
  });
}

function cell(row: string, dataClass: string): HTMLElement {
  const grid = screen.getByRole("grid", { name: /Acceptable-use matrix/ });
  const columns = within(grid)
    .getAllByRole("columnheader")
    .map((header) => header.textContent ?? "");
  const line = within(grid)
    .getAllByRole("row")
    .find((candidate) => within(candidate).queryByRole("rowheader")?.textContent === row);
  const found =
    line && within(line).getAllByRole("gridcell")[columns.findIndex((c) => c.startsWith(dataClass)) - 1];
  if (!found) throw new Error(`no cell ${row} ${dataClass}`);
  return found;
}

describe("AcceptableUsePage", () => {
  it("compiles every change on the server and saves the matrix", async () => {
    const asked: AcceptableUseRule[][] = [];
    const saved: unknown[] = [];
    server.use(
      answer(governanceApi.acceptableUse, view),
      compiling(asked),
      http.put(`*${governanceApi.acceptableUseReplace.path}`, async ({ request }) => {
        const body = (await request.json()) as { rules: AcceptableUseRule[] };
        saved.push(body);
        return HttpResponse.json(
          governanceApi.acceptableUseReplace.response.parse({ ...view, rules: body.rules }),
        );
      }),
    );
    const { user } = await renderWithApp(<AcceptableUsePage />);
    expect(
      await screen.findByText("Differs from the running policy: 2 rules to add, 0 to remove."),
    ).toBeInTheDocument();
    expect(asked).toEqual([rules]);
    expect(screen.getByText("+ - role: staff hosted-gpt conditional")).toBeInTheDocument();

    cell("staff → hosted-gpt", "public").focus();
    await user.keyboard("p");
    expect(cell("staff → hosted-gpt", "public")).toHaveTextContent("Prohibited");
    const compiled = screen.getByRole("table", { name: "Gateway rules the matrix compiles to" });
    await within(compiled).findByText("prohibited");
    expect(asked[1]).toEqual([
      ...rules,
      { role: "staff", target: "hosted-gpt", dataClass: "public", decision: "prohibited" },
    ]);
    // the change must be saved before it can be applied
    expect(screen.getByRole("button", { name: "Apply to the gateway" })).toBeDisabled();
    expect(screen.getByText(/Save the matrix first/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save matrix" }));
    expect(await screen.findByText("No changes to save.")).toBeInTheDocument();
    expect(saved).toEqual([{ rules: asked[1] }]);
    expect(screen.getByRole("button", { name: "Apply to the gateway" })).toBeEnabled();
  });

  it("lets an owner edit but not apply, naming the scope the contract asks for", async () => {
    server.use(answer(governanceApi.acceptableUse, view), compiling([]));
    await renderWithApp(<AcceptableUsePage />, { role: "owner" });
    await screen.findByRole("grid", { name: /Acceptable-use matrix/ });
    expect(screen.getByRole("grid", { name: /Acceptable-use matrix/ })).not.toHaveAttribute("aria-readonly");
    expect(screen.getByRole("button", { name: "Apply to the gateway" })).toBeDisabled();
    expect(
      screen.getByText("Applying needs the policy:write scope (admin or security role)."),
    ).toBeInTheDocument();
  });

  it("lets security apply the saved matrix but not edit it", async () => {
    let applied = 0;
    server.use(
      answer(governanceApi.acceptableUse, view),
      compiling([]),
      answer(governanceApi.acceptableUseApply, () => {
        applied++;
        return {
          compiled: [],
          notes: [],
          running: [],
          added: [],
          removed: [],
          diff: [],
          changed: false,
          file: "/etc/rampart/policy.yaml",
          reloaded: true,
        };
      }),
    );
    const { user } = await renderWithApp(<AcceptableUsePage />, { role: "security" });
    const grid = await screen.findByRole("grid", { name: /Acceptable-use matrix/ });
    expect(grid).toHaveAttribute("aria-readonly", "true");
    expect(screen.getByRole("button", { name: "Save matrix" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Add row" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Apply to the gateway" }));
    const dialog = await screen.findByRole("dialog", { name: "Apply the matrix to the gateway?" });
    await user.click(within(dialog).getByRole("button", { name: "Apply" }));
    await expect.poll(() => applied).toBe(1);
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
  });
});
