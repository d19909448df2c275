import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  type E2eBrowser,
  openBrowser,
  screenshot,
  signIn,
} from "./support/browser.js";
import { type E2eServer, startE2eServer } from "./support/server.js";

/** Settings against a real `rampart serve --demo`: a key is created, shown once, used, and revoked. */
let rampart: E2eServer;
let browser: E2eBrowser;

beforeAll(async () => {
  rampart = await startE2eServer();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rampart?.close();
});

describe("settings journey", () => {
  let key = "";

  it("shows keys, upstreams and the effective policy", async () => {
    const { page } = browser;
    await signIn(page, rampart.url, rampart.adminKey, "/settings");
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await page.getByRole("table", { name: "Upstreams" }).getByText("answered GET /models").first().waitFor();
    await page
      .getByRole("region", { name: "Effective policy" })
      .getByText(/"prompt-injection"/)
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("creates a key and shows it once", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Create key" }).click();
    const form = page.getByRole("dialog", { name: "Create a key" });
    await form.getByLabel("Name").fill("e2e billing app");
    await form.getByLabel("App (optional)").fill("billing");
    await form.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: "Key created" });
    await shown.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    key = await shown.getByLabel(/Key for e2e billing app/).inputValue();
    expect(key).toMatch(/^rk_/);
    expect(await rampart.chat("hello", { key })).toBe(200);
    await shown.getByRole("button", { name: "Done" }).click();
    await shown.waitFor({ state: "detached" });
    const row = page.getByRole("row").filter({ hasText: "e2e billing app" });
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    expect(page.url()).not.toContain(key);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "settings");
  });

  it("revokes the key once its name is typed, and the gateway refuses it", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Revoke e2e billing app" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke e2e billing app?" });
    await dialog.getByLabel(/to confirm/).fill("e2e billing app");
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("row").filter({ hasText: "e2e billing app" }).getByText("revoked").first().waitFor();
    expect(await rampart.chat("hello", { key })).toBe(401);
  });
});
