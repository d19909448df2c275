import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  type E2eBrowser,
  openBrowser,
  screenshot,
  signIn,
} from "./support/browser.js";
import { type E2eServer, startE2eServer } from "./support/server.js";

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

describe("sign-in journey", () => {
  it("sends an anonymous visitor to sign-in, then back to the page they asked for", async () => {
    const { page } = browser;
    await page.goto(`${rampart.url}/compliance`);
    await page.getByLabel("Admin key").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "sign-in");
    await page.getByLabel("Admin key").fill("rk_not_a_real_key");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "not a valid admin key" }).waitFor();
    await page.getByLabel("Admin key").fill(rampart.adminKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/compliance");
    const cookies = await browser.context.cookies();
    const session = cookies.find((cookie) => cookie.name === "rampart_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Strict");
  });

  it("signs out, and the old session no longer opens pages", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Admin key").waitFor();
    await page.goto(`${rampart.url}/traffic`);
    await page.getByLabel("Admin key").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("signs in with the keyboard alone", async () => {
    const { page } = browser;
    await page.goto(`${rampart.url}/`);
    await page.getByLabel("Admin key").waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.type(rampart.adminKey);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    // the skip link is the first stop and moves focus to the main region
    await page.keyboard.press("Tab");
    const focused = (await page.locator(":focus").textContent()) ?? "";
    expect(focused).toContain("Skip to content");
  });

  it("hides pages an auditor cannot read and shows the role", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, rampart.url, await rampart.adminKeyFor("auditor"));
    await page.getByText("auditor", { exact: true }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of [
      "Overview",
      "Traffic",
      "Incidents",
      "Red team",
      "Governance",
      "Compliance",
      "Settings",
    ])
      expect(await nav.getByRole("link", { name: label }).count()).toBe(1);
  });
});
