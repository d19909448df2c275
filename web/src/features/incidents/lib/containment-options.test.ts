import type { PlaybookView } from "@core/api/incidents";
import type { ApiKeyView } from "@core/api/keys";
import { describe, expect, it } from "vitest";
import { confirmationMatches, confirmationPhrase, containmentOptions } from "./containment-options";

const playbook: PlaybookView = {
  id: "supply-chain-compromise",
  title: "Supply-chain compromise",
  description: "x",
  severity: "critical",
  owners: ["security"],
  steps: [{ title: "Find it", role: "security" }],
  containment: [
    { action: "disable-model", roles: ["admin"] },
    { action: "revoke-key", roles: ["admin", "security"] },
  ],
};

const key: ApiKeyView = {
  id: "key_1",
  name: "campaign caller",
  prefix: "rk_abcde",
  kind: "gateway",
  role: "app",
  app: "support",
  team: null,
  models: [],
  clearance: "internal",
  status: "active",
  createdAt: "2026-11-01T10:00:00.000Z",
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
};

const links = { alerts: ["alr_1"], events: ["n1:3"], assets: ["key:key_1", "asset_chatbot"], risks: [] };

describe("containmentOptions", () => {
  it("lists every action, the playbook's first, and refuses roles the playbook does not name", () => {
    const options = containmentOptions(playbook, "security", links, [key]);
    expect(options.map((option) => option.action)).toEqual([
      "revoke-key",
      "disable-model",
      "block-principal",
      "raise-sensitivity",
      "route-to-fallback",
    ]);
    expect(options.find((option) => option.action === "disable-model")?.playbookRefusal).toBe(
      "the Supply-chain compromise playbook lets admin run this",
    );
    expect(options.find((option) => option.action === "revoke-key")?.playbookRefusal).toBeNull();
    // actions the playbook does not list are the scope's alone
    expect(options.find((option) => option.action === "block-principal")?.playbookRefusal).toBeNull();
  });

  it("suggests the linked key, its app, and the whole policy for sensitivity", () => {
    const options = containmentOptions(undefined, "admin", links, [key]);
    const suggested = Object.fromEntries(options.map((option) => [option.action, option.suggestedTargets]));
    expect(suggested).toEqual({
      "revoke-key": ["key_1"],
      "block-principal": ["key_1", "app:support"],
      "raise-sensitivity": ["*"],
      "route-to-fallback": [],
      "disable-model": [],
    });
    expect(options.every((option) => !option.inPlaybook)).toBe(true);
  });
});

describe("confirmation", () => {
  it("asks for the key's name when the target is a known key, else the target itself", () => {
    expect(confirmationPhrase("key_1", [key])).toBe("campaign caller");
    expect(confirmationPhrase(" app:support ", [key])).toBe("app:support");
    expect(confirmationMatches("campaign caller ", "campaign caller")).toBe(true);
    expect(confirmationMatches("campaign", "campaign caller")).toBe(false);
    expect(confirmationMatches("", "")).toBe(false);
  });
});
