import { type ApiKeyView, createKey, listKeys, revokeKey } from "@core/api/keys";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { KeysPanel } from "./keys-panel";

const at = "2026-11-27T10:00:00.000Z";
const SECRET = "rk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

function key(id: string, name: string, overrides: Partial<ApiKeyView> = {}): ApiKeyView {
  return {
    id,
    name,
    prefix: "rk_01234",
    kind: "gateway",
    role: "app",
    app: "billing",
    team: null,
    models: [],
    clearance: "internal",
    status: "active",
    createdAt: at,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    ...overrides,
  };
}

describe("KeysPanel", () => {
  it("lists keys with kind, role, app, last use and revocation", async () => {
    server.use(
      answer(listKeys, {
        data: [key("key_1", "billing app"), key("key_2", "old", { status: "revoked", revokedAt: at })],
      }),
    );
    await renderWithApp(<KeysPanel />);
    const table = await screen.findByRole("table", { name: "API keys" });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent(/billing app.*gateway.*app.*billing.*never.*active/);
    expect(rows[2]).toHaveTextContent(/old.*revoked/);
    expect(within(rows[2] as HTMLElement).queryByRole("button", { name: /Revoke/ })).toBeNull();
  });

  it("shows a created key once, keeps it out of every cache, and forgets it on close", async () => {
    let sent: unknown;
    let listed = [key("key_1", "billing app")];
    server.use(
      answer(listKeys, () => ({ data: listed })),
      answer(createKey, (request) => {
        void request
          .clone()
          .json()
          .then((body) => {
            sent = body;
          });
        listed = [...listed, key("key_new", "support bot", { app: "support" })];
        return { ...key("key_new", "support bot", { app: "support" }), key: SECRET };
      }),
    );
    const { user, queryClient } = await renderWithApp(<KeysPanel />, { role: "admin" });
    await user.click(await screen.findByRole("button", { name: "Create key" }));
    const dialog = await screen.findByRole("dialog", { name: "Create a key" });
    await user.type(within(dialog).getByLabelText("Name"), "support bot");
    await user.type(within(dialog).getByLabelText("App (optional)"), "support");
    await user.type(within(dialog).getByLabelText(/Models/), "llama-*, gpt-4o");
    await user.click(within(dialog).getByRole("button", { name: "Create key" }));

    const shown = await screen.findByRole("dialog", { name: "Key created" });
    expect(within(shown).getByLabelText(/Key for support bot/)).toHaveValue(SECRET);
    expect(within(shown).getByText(/only time the key is shown/)).toBeInTheDocument();
    expect(sent).toEqual({
      name: "support bot",
      kind: "gateway",
      app: "support",
      models: ["llama-*", "gpt-4o"],
    });
    await expect.poll(() => screen.queryAllByText("support bot").length).toBeGreaterThan(0);

    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.state.data),
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state.data),
    ]);
    expect(cached).toContain("key_new");
    expect(cached).not.toContain(SECRET);
    expect(window.location.href).not.toContain(SECRET);

    await user.click(within(shown).getByRole("button", { name: "Done" }));
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it("refuses an empty name with the server's own rule before calling it", async () => {
    server.use(answer(listKeys, { data: [] }));
    const { user } = await renderWithApp(<KeysPanel />);
    await user.click(await screen.findByRole("button", { name: "Create key" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Create key" }));
    expect(await within(dialog).findByText("name the key (who or what uses it)")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
  });

  it("revokes a key once its name is typed", async () => {
    let revoked = "";
    server.use(
      answer(listKeys, { data: [key("key_1", "billing app")] }),
      answer(revokeKey, (_request, params) => {
        revoked = params.id ?? "";
        return { id: revoked, revoked: true as const, changed: true };
      }),
    );
    const { user } = await renderWithApp(<KeysPanel />);
    await user.click(await screen.findByRole("button", { name: "Revoke billing app" }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke billing app?" });
    const confirm = within(dialog).getByRole("button", { name: "Revoke key" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/to confirm/), "billing app");
    await user.click(confirm);
    await expect.poll(() => revoked).toBe("key_1");
  });

  it("lets an auditor read the keys but not create or revoke, and says why", async () => {
    server.use(answer(listKeys, { data: [key("key_1", "billing app")] }));
    await renderWithApp(<KeysPanel />, { role: "auditor" });
    const create = await screen.findByRole("button", { name: "Create key" });
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription(/needs the keys:write scope \(admin role\)/);
    const revoke = await screen.findByRole("button", { name: "Revoke billing app" });
    expect(revoke).toBeDisabled();
    expect(revoke).toHaveAccessibleDescription(/Revoking keys needs the keys:write scope/);
  });
});
