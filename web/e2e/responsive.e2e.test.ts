import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  type E2eBrowser,
  openBrowser,
  screenshot,
  signIn,
} from "./support/browser.js";
import { type E2eServer, startE2eServer } from "./support/server.js";

/**
 * The dashboard from 1280 px wide down to a tablet (768 px, portrait): every page renders without a
 * page-wide horizontal scroll (wide tables scroll inside their own box), the navigation stays
 * reachable, and axe finds nothing serious, in the dark theme as well.
 */
let rampart: E2eServer;
let browser: E2eBrowser;

const pages = ["/", "/traffic", "/incidents", "/redteam", "/governance", "/compliance", "/settings"];

beforeAll(async () => {
  rampart = await startE2eServer();
  browser = await openBrowser({ width: 768, height: 1024, colorScheme: "dark" });
  await signIn(browser.page, rampart.url, rampart.adminKey);
});
afterAll(async () => {
  await browser?.close();
  await rampart?.close();
});

describe("tablet width (768 px), dark theme", () => {
  for (const path of pages) {
    it(`renders ${path} without a page-wide horizontal scroll`, async () => {
      const { page } = browser;
      await page.goto(`${rampart.url}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      if (path === "/") await screenshot(page, "overview-tablet-dark");
    });
  }
});
