import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { assetsFixture, modelFixture } from "../testing/fixtures";
import { AssetDetailPage } from "./asset-detail-page";

describe("AssetDetailPage", () => {
  it("shows a model's tier and who holds each layer, in text", async () => {
    server.use(answer(governanceApi.models.get, modelFixture()));
    await renderWithApp(<AssetDetailPage kind="models" id="llama-3-70b" />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Llama 3.1 70B Instruct" }),
    ).toBeInTheDocument();
    expect(screen.getAllByText("Limited risk").length).toBeGreaterThan(0);
    const matrix = screen.getByRole("table", { name: /Who holds each layer/ });
    const headers = within(matrix)
      .getAllByRole("columnheader")
      .map((header) => header.textContent);
    expect(headers).toEqual(["Layer", "Customer", "Provider", "Shared"]);
    const safety = within(matrix).getByRole("row", { name: /Model safety/ });
    const cells = within(safety).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent?.trim())).toEqual(["no", "no", "holds it"]);
    expect(safety).toHaveTextContent("(set for this model)");
    const duties = screen.getByRole("table", { name: "Control duties for this model" });
    expect(within(duties).getByRole("row", { name: /Models are attacked on a schedule/ })).toHaveTextContent(
      "shared — organisation's duty",
    );
  });

  it("deletes an asset only once its name is typed, then returns to the inventory", async () => {
    let deleted = "";
    server.use(
      answer(governanceApi.datasets.get, assetsFixture().datasets[0] as never),
      answer(governanceApi.datasets.remove, (_request, params) => {
        deleted = params.id ?? "";
        return { id: deleted, deleted: true as const };
      }),
      answer(governanceApi.assets, assetsFixture()),
    );
    const { user, router } = await renderWithApp(<AssetDetailPage kind="datasets" id="internal-docs" />, {
      path: "/governance/assets/datasets/internal-docs",
    });
    await screen.findByRole("heading", { level: 1, name: "Internal knowledge base" });
    expect(screen.getByText("Models retrieving from it (ids)").nextSibling).toHaveTextContent("llama-3-70b");
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete dataset Internal knowledge base?" });
    const confirm = within(dialog).getByRole("button", { name: "Delete dataset" });
    await user.type(within(dialog).getByLabelText(/to confirm/), "Internal knowledge");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/to confirm/), " base");
    await user.click(confirm);
    await expect.poll(() => router.state.location.pathname).toBe("/governance/assets");
    expect(deleted).toBe("internal-docs");
  });

  it("says why a deletion was refused and keeps the asset", async () => {
    server.use(
      answer(governanceApi.models.get, modelFixture()),
      failWith(
        governanceApi.models.remove,
        400,
        'assets.yaml: datasets.0.retrieval: unknown model "llama-3-70b"',
      ),
    );
    const { user, router } = await renderWithApp(<AssetDetailPage kind="models" id="llama-3-70b" />, {
      path: "/governance/assets/models/llama-3-70b",
    });
    await screen.findByRole("heading", { level: 1, name: "Llama 3.1 70B Instruct" });
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(/to confirm/), "Llama 3.1 70B Instruct");
    await user.click(within(dialog).getByRole("button", { name: "Delete model" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      'Nothing was deleted: assets.yaml: datasets.0.retrieval: unknown model "llama-3-70b"',
    );
    expect(router.state.location.pathname).toBe("/governance/assets/models/llama-3-70b");
  });
});
