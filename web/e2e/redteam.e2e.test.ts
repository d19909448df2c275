import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
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

/** Starts a small run through the form: two probe packs, the "none" strategy only (95 cases, seconds). */
async function startRun(page: Page, target: string): Promise<void> {
  await page.getByRole("button", { name: "Start a run" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a red-team run" });
  await dialog.getByLabel("Target", { exact: true }).selectOption(target);
  await dialog.getByLabel("Model", { exact: true }).fill("demo-model");
  await dialog.getByRole("checkbox", { name: "system-prompt-extraction (30 base cases)" }).check();
  await dialog.getByRole("checkbox", { name: "prompt-injection (65 base cases)" }).check();
  for (const strategy of ["base64", "role-play", "crescendo"])
    await dialog.getByRole("checkbox", { name: strategy, exact: true }).uncheck();
  await dialog.getByRole("checkbox", { name: "none", exact: true }).check();
  await dialog.getByRole("button", { name: "Start the run" }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("red team journey", () => {
  let directRun = "";

  it("starts runs from the form, watches them finish on the page, and shows the list", async () => {
    const { page } = browser;
    await signIn(page, rampart.url, rampart.adminKey, "/redteam");
    await page.getByText("No red-team runs yet").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Start a run" }).click();
    await page
      .getByRole("dialog", { name: "Start a red-team run" })
      .getByLabel("Target", { exact: true })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await startRun(page, "gateway");
    const runs = page.getByRole("table", { name: /Red-team runs, newest first/ });
    await runs.getByRole("row").nth(1).getByText("Finished").waitFor({ timeout: 30_000 });
    await startRun(page, "upstream:demo");
    // the list refreshes itself while the run is running: no reload
    await runs.getByRole("row").nth(1).getByText("upstream:demo", { exact: true }).waitFor();
    await runs.getByRole("row").nth(1).getByText("Finished").waitFor({ timeout: 30_000 });
    expect(await runs.getByRole("row").count()).toBe(3);
    directRun = (await runs.getByRole("row").nth(1).getByRole("link").textContent()) ?? "";
    expect(directRun).toMatch(/^rt_[0-9a-f]{32}$/);
    await page
      .getByRole("figure", { name: "Attack success rate over runs" })
      .getByRole("img", { name: /^Attack success rate of the last 2 finished runs/ })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "redteam");
  });

  it("opens a run: ASR by OWASP category with intervals, findings as text, filters in the URL", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: directRun }).click();
    await page.getByRole("heading", { level: 1, name: `Run ${directRun}` }).waitFor();
    const byCategory = page.getByRole("figure", { name: "ASR by OWASP category" });
    const drawing = byCategory.getByRole("img", { name: /^Attack success rate by OWASP category/ });
    await drawing.waitFor();
    expect(await drawing.getAttribute("aria-label")).toMatch(
      /^Attack success rate by OWASP category: LLM01 Prompt Injection \d+\.\d% \(95% CI [\d.]+%–[\d.]+%\); LLM07 System Prompt Leakage/,
    );
    await byCategory.getByRole("button", { name: "Table" }).click();
    await byCategory.getByRole("rowheader", { name: "LLM07 System Prompt Leakage" }).waitFor();
    await byCategory.getByRole("button", { name: "Chart" }).click();
    await drawing.waitFor();

    const findings = page.getByRole("table", { name: /successful attacks?/ });
    const first = findings.getByRole("row").nth(1);
    await first.getByRole("button", { name: /^Show the prompt and response of / }).click();
    await page.getByRole("heading", { name: "Prompt sent" }).waitFor();
    await page.getByRole("heading", { name: "Response" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "redteam-run");

    await page.getByLabel("OWASP category", { exact: true }).selectOption("LLM01");
    await page.waitForURL(/owasp=LLM01/);
    await page.getByRole("table", { name: /matching the filters/ }).waitFor();
    await page.reload();
    await page.getByRole("table", { name: /matching the filters/ }).waitFor();
    expect(await page.getByLabel("OWASP category", { exact: true }).inputValue()).toBe("LLM01");

    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the report as JSON" }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(new RegExp(`^${directRun}-.+\\.json$`));
    const json = JSON.parse(readFileSync(await report.path(), "utf8")) as { run: { id: string } };
    expect(json.run.id).toBe(directRun);
  });

  it("compares the two runs: the gateway's policy against the model alone", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Compare with another run" }).click();
    await page.getByLabel("Base run (before)").waitFor();
    const headValue = await page.getByLabel("Head run (after)").inputValue();
    expect(headValue).toBe(directRun);
    const gatewayRun = await page
      .getByLabel("Base run (before)")
      .locator("option", { hasText: "gateway" })
      .getAttribute("value");
    await page.getByLabel("Base run (before)").selectOption(gatewayRun ?? "");
    await page.getByRole("heading", { name: "Regressions" }).waitFor();
    await page.getByText(/Attack success rate .+ → .+/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows an auditor the runs but not the start button's power", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, rampart.url, await rampart.adminKeyFor("auditor"), "/redteam");
    const start = page.getByRole("button", { name: "Start a run" });
    await start.waitFor();
    expect(await start.isDisabled()).toBe(true);
    await page.getByText("Starting a run needs the redteam:run scope (admin or security role).").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
