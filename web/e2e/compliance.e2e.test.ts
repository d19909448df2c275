import { readFileSync } from "node:fs";
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

describe("compliance journey", () => {
  it("lists the frameworks with their scores", async () => {
    const { page } = browser;
    await signIn(page, rampart.url, rampart.adminKey, "/compliance");
    const link = page.getByRole("link", { name: "OWASP Top 10 for LLM Applications", exact: true });
    await link.waitFor();
    expect(await page.getByRole("meter").count()).toBeGreaterThanOrEqual(6);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "compliance");
  });

  it("opens OWASP LLM 2025: requirements with status, evidence with freshness, gaps", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "OWASP Top 10 for LLM Applications", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "OWASP Top 10 for LLM Applications" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/compliance/owasp-llm-2025");
    await page.getByText("LLM01 Prompt Injection", { exact: true }).click();
    const evidence = page.getByRole("table", { name: "Evidence for LLM01 Prompt Injection" });
    await evidence.waitFor();
    expect(await evidence.getByRole("row").count()).toBeGreaterThan(1);
    await evidence
      .getByText(/stale after|no age limit|no evidence was found/)
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "compliance-framework");
  });

  it("downloads the framework's report as HTML", async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the report as HTML" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("owasp-llm-2025-2025-compliance.html");
    const html = readFileSync(await download.path(), "utf8");
    expect(html.length).toBeGreaterThan(0);
    expect(html.trimStart().toLowerCase()).toMatch(/^<!doctype html>/);
    expect(html).toContain("OWASP Top 10 for LLM Applications");
  });

  it("downloads the signed evidence pack as a gzip archive", async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Evidence pack" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rampart-evidence-pack-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/);
    const archive = readFileSync(await download.path());
    expect(archive.length).toBeGreaterThan(100);
    expect([archive[0], archive[1]]).toEqual([0x1f, 0x8b]);
  });

  it("filters requirements by status through the URL", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: /^Not met \(\d+\)$/ }).click();
    await page.waitForURL(/status=not-met/);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "OWASP Top 10 for LLM Applications" }).waitFor();
    expect(await page.getByRole("button", { name: /^Not met \(\d+\)$/ }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await page.getByText("Met", { exact: true }).count()).toBe(0);
  });
});
