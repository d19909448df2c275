import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { assetsFixture, modelFixture } from "../testing/fixtures";
import { AssetsPage } from "./assets-page";

describe("AssetsPage", () => {
  it("lists the inventory with tiers as text and links each asset to its page", async () => {
    server.use(answer(governanceApi.assets, assetsFixture()));
    await renderWithApp(<AssetsPage search={{}} />, { path: "/governance/assets" });
    const table = await screen.findByRole("table", { name: "Asset inventory" });
    expect(within(table).getByRole("link", { name: "Llama 3.1 70B Instruct" })).toHaveAttribute(
      "href",
      "/governance/assets/models/llama-3-70b",
    );
    expect(within(table).getByRole("link", { name: "Internal knowledge base" })).toHaveAttribute(
      "href",
      "/governance/assets/datasets/internal-docs",
    );
    expect(within(table).getByText("Limited risk").querySelector("svg")).not.toBeNull();
  });

  it("keeps the kind filter in the URL and says what to do when a kind is empty", async () => {
    server.use(answer(governanceApi.assets, assetsFixture()));
    const { user, router } = await renderWithApp(<AssetsPage search={{ kind: "tools" }} />);
    expect(await screen.findByText("No tools recorded")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Kind"), "vendors");
    await expect.poll(() => router.state.location.search).toEqual({ kind: "vendors" });
  });

  it("creates a model, checking it with the contract first and showing a server refusal on its field", async () => {
    const bodies: unknown[] = [];
    server.use(
      answer(governanceApi.assets, assetsFixture()),
      failWith(governanceApi.models.create, 400, "id: a model with id llama-3-70b already exists"),
    );
    const { user, router } = await renderWithApp(<AssetsPage search={{}} />);
    await screen.findByRole("table", { name: "Asset inventory" });
    await user.click(screen.getByRole("button", { name: "New asset" }));
    const dialog = await screen.findByRole("dialog", { name: "New asset" });
    const id = within(dialog).getByLabelText("Id");
    // the contract's schema refuses an empty name and a bad id before anything is sent
    await user.type(id, "Llama 3");
    await user.click(within(dialog).getByRole("button", { name: "Create model" }));
    expect(
      await within(dialog).findByText(/lower-case letters, digits/, { selector: "p[id$=-error]" }),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");

    await user.clear(id);
    await user.type(id, "llama-3-70b");
    await user.type(within(dialog).getByLabelText("Name"), "Mistral 7B");
    await user.click(within(dialog).getByRole("button", { name: "Create model" }));
    const refusal = await within(dialog).findByText("a model with id llama-3-70b already exists");
    expect(id).toHaveAttribute("aria-invalid", "true");
    expect(id.getAttribute("aria-describedby")).toContain(refusal.id);

    server.use(
      http.post(`*${governanceApi.models.create.path}`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        const created = modelFixture({ id: String(body.id), name: String(body.name) });
        return HttpResponse.json(governanceApi.models.create.response.parse(created), { status: 201 });
      }),
    );
    await user.clear(id);
    await user.type(id, "mistral-7b");
    await user.selectOptions(within(dialog).getByLabelText("Model safety: who holds it"), "provider");
    await user.click(within(dialog).getByRole("button", { name: "Create model" }));
    await expect.poll(() => router.state.location.pathname).toBe("/governance/assets/models/mistral-7b");
    expect(bodies[0]).toMatchObject({
      id: "mistral-7b",
      name: "Mistral 7B",
      deployment: "on-premises",
      generalPurpose: false,
      responsibility: { "model-safety": "provider" },
    });
  });

  it("sends a new system prompt with the SHA-256 of its text", async () => {
    const bodies: Record<string, unknown>[] = [];
    server.use(
      answer(governanceApi.assets, assetsFixture()),
      http.post(`*${governanceApi.systemPrompts.create.path}`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return HttpResponse.json(governanceApi.systemPrompts.create.response.parse(body), { status: 201 });
      }),
    );
    const { user, router } = await renderWithApp(<AssetsPage search={{ kind: "system-prompts" }} />);
    await screen.findByText("No system prompts recorded");
    await user.click(screen.getByRole("button", { name: "New asset" }));
    const dialog = await screen.findByRole("dialog", { name: "New asset" });
    expect(within(dialog).getByLabelText("Kind of asset")).toHaveValue("system-prompts");
    await user.type(within(dialog).getByLabelText("Id"), "assistant-main");
    await user.type(within(dialog).getByLabelText("Application (id)"), "assistant");
    await user.type(within(dialog).getByLabelText("Text"), "abc");
    await user.click(within(dialog).getByRole("button", { name: "Create system prompt" }));
    await expect
      .poll(() => router.state.location.pathname)
      .toBe("/governance/assets/system-prompts/assistant-main");
    expect(bodies[0]).toEqual({
      id: "assistant-main",
      application: "assistant",
      version: 1,
      text: "abc",
      // SHA-256("abc")
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    });
  });

  it("shows an auditor the inventory with New asset disabled and the reason", async () => {
    server.use(answer(governanceApi.assets, assetsFixture()));
    await renderWithApp(<AssetsPage search={{}} />, { role: "auditor" });
    await screen.findByRole("table", { name: "Asset inventory" });
    const create = screen.getByRole("button", { name: "New asset" });
    expect(create).toBeDisabled();
    expect(document.getElementById(create.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
      "needs the governance:write scope",
    );
  });
});
