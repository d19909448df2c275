import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starterGovernance } from "../../src/govern/as-code/starter-governance.js";
import {
  accessibilityViolations,
  type E2eBrowser,
  openBrowser,
  screenshot,
  signIn,
} from "./support/browser.js";
import { type E2eServer, startE2eServer } from "./support/server.js";

/**
 * The governance cycle in a real browser against `rampart serve --demo`: the register is seeded
 * through the management API with the starter `rampart init` writes, then the RACI chart is
 * broken and fixed with the keyboard alone, an asset is created, the risk heat map read, the
 * acceptable-use matrix compiled and applied to the gateway's policy file, and the audit checks run.
 */
let rampart: E2eServer;
let browser: E2eBrowser;

async function api(method: "GET" | "PUT", path: string, body?: unknown) {
  const response = await request(`${rampart.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${rampart.adminKey}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

/** the gateway's policy as a file, so the acceptable-use matrix can be applied to it */
const policyDir = mkdtempSync(join(tmpdir(), "rampart-e2e-policy-"));
const policyFile = join(policyDir, "policy.yaml");

beforeAll(async () => {
  writeFileSync(
    policyFile,
    "# the e2e gateway policy; Apply rewrites acceptableUse only\nversion: 1\nacceptableUse: []\n",
  );
  rampart = await startE2eServer(`policy: ${JSON.stringify(policyFile)}`);
  browser = await openBrowser();
  const empty = await api("GET", "/api/v1/governance/raci");
  expect(empty.body.chart).toEqual({});
  const seeded = await api(
    "PUT",
    "/api/v1/governance",
    starterGovernance(new Date().toISOString().slice(0, 10)),
  );
  expect(seeded.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await rampart?.close();
  rmSync(policyDir, { recursive: true, force: true });
});

const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const cell = document.activeElement;
    if (cell?.getAttribute("role") !== "gridcell") return null;
    const row = cell.closest("tr");
    const header = row?.querySelector("th")?.textContent ?? "";
    const index = [...(row?.querySelectorAll("td") ?? [])].indexOf(cell as HTMLTableCellElement);
    const role = cell.closest("table")?.querySelectorAll("thead th")[index + 1]?.textContent ?? "";
    return `${header} × ${role}`;
  });

/** axe measures a toast's colours mid-fade as too faint: scans wait until toasts are fully shown */
const toastsSettled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll("[data-sonner-toast]")].every(
      (toast) => getComputedStyle(toast).opacity === "1" && toast.getAttribute("data-removed") !== "true",
    ),
  );

/** screenshots wait until the toasts of earlier steps have gone */
const toastsGone = (page: Page) =>
  page.waitForFunction(() => document.querySelector("[data-sonner-toast]") === null, undefined, {
    timeout: 15_000,
  });

async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 60) {
  for (let step = 0; step < limit; step++) {
    if (await done()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("the keyboard never reached the element");
}

describe("governance journey", () => {
  it("shows the register's summary", async () => {
    const { page } = browser;
    await signIn(page, rampart.url, rampart.adminKey, "/governance");
    await page.getByRole("heading", { level: 1, name: "Governance" }).waitFor();
    await page.getByText("Models: 2").waitFor();
    await page.getByText("9 activities, 7 roles.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "governance");
  });

  it("shows the risk heat maps as tables of counts", async () => {
    const { page } = browser;
    await page
      .getByRole("navigation", { name: "Governance sections" })
      .getByRole("link", { name: "Risks" })
      .click();
    const inherent = page.getByRole("table", { name: /^Inherent risk/ });
    await inherent.waitFor();
    const likely = inherent.getByRole("row", { name: /^4 Likely/ });
    expect(await likely.getByRole("cell").nth(3).textContent()).toContain("prompt-injection");
    await page
      .getByRole("table", { name: "Risk register" })
      .getByText("Prompt injection through retrieved documents")
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "governance-risks");
  });

  it("compiles the acceptable-use matrix on the server, shows the diff, and applies it to the gateway", async () => {
    const { page } = browser;
    await page
      .getByRole("navigation", { name: "Governance sections" })
      .getByRole("link", { name: "Acceptable use" })
      .click();
    await page.getByRole("grid", { name: /Acceptable-use matrix/ }).waitFor();
    const compiled = page.getByRole("table", { name: "Gateway rules the matrix compiles to" });
    await compiled.getByRole("row").nth(4).waitFor();
    await page.getByText("Differs from the running policy: 4 rules to add, 0 to remove.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "governance-acceptable-use");

    // Apply puts the saved matrix into the gateway's policy file, and the diff empties
    await page.getByRole("button", { name: "Apply to the gateway" }).click();
    const dialog = page.getByRole("dialog", { name: "Apply the matrix to the gateway?" });
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("The running policy already enforces this matrix.").waitFor();
    const written = readFileSync(policyFile, "utf8");
    expect(written).toContain("# the e2e gateway policy");
    expect(written).toContain("model: hosted-gpt");
    expect(written).toContain("decision: prohibited");
  });

  it("breaks the RACI rule and fixes it with the keyboard alone, then saves", async () => {
    const { page } = browser;
    await page
      .getByRole("navigation", { name: "Governance sections" })
      .getByRole("link", { name: "RACI" })
      .click();
    const grid = page.getByRole("grid", { name: /RACI chart/ });
    await grid.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // one tab stop: Tab reaches the first cell, the arrows walk the row
    await tabUntil(page, async () => (await focusedCell(page)) !== null);
    expect(await focusedCell(page)).toBe("risk-assessment × ciso");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await focusedCell(page)).toBe("risk-assessment × dpo");

    // Enter edits, A then Enter commits: two accountable roles
    await page.keyboard.press("Enter");
    await page.getByRole("combobox", { name: "dpo for risk-assessment" }).waitFor();
    await page.keyboard.press("a");
    await page.keyboard.press("Enter");
    expect(await focusedCell(page)).toBe("risk-assessment × dpo");
    const summary = page.getByRole("heading", { name: "1 problem to fix before saving" });
    await summary.waitFor();
    await page.getByText("risk-assessment has 2 accountable roles (A); it needs exactly one").waitFor();
    expect(await grid.locator('[aria-invalid="true"]').count()).toBe(2);
    expect(await page.getByRole("button", { name: "Save chart" }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "governance-raci");

    // the CISO becomes responsible instead: the error clears
    await page.keyboard.press("Home");
    expect(await focusedCell(page)).toBe("risk-assessment × ciso");
    await page.keyboard.press("r");
    await summary.waitFor({ state: "detached" });
    await page.getByText("Every activity has exactly one A and at least one R.").waitFor();
    expect(await grid.locator('[aria-invalid="true"]').count()).toBe(0);

    // on to Save, still by keyboard
    await tabUntil(
      page,
      async () => (await page.evaluate(() => document.activeElement?.textContent)) === "Save chart",
    );
    await page.keyboard.press("Enter");
    await page.getByText("No changes to save.").waitFor();
    await toastsSettled(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    const stored = await api("GET", "/api/v1/governance/raci");
    expect((stored.body.chart as Record<string, Record<string, string>>)["risk-assessment"]).toEqual({
      ciso: "R",
      dpo: "A",
      "ml-lead": "R",
      legal: "I",
    });
  });

  it("creates an asset, showing the server's refusal on the field it names", async () => {
    const { page } = browser;
    await page
      .getByRole("navigation", { name: "Governance sections" })
      .getByRole("link", { name: "Assets" })
      .click();
    await page.getByRole("table", { name: "Asset inventory" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "New asset" }).click();
    const dialog = page.getByRole("dialog", { name: "New asset" });
    await dialog.getByLabel("Id", { exact: true }).fill("llama-3-70b");
    await dialog.getByLabel("Name", { exact: true }).fill("Mistral 7B Instruct");
    await dialog.getByLabel("Provider").fill("Mistral AI, served with vLLM");
    await dialog.getByLabel("Owner (role)").fill("ml-lead");
    await dialog.getByLabel("EU AI Act risk tier").selectOption("limited");
    await dialog.getByRole("button", { name: "Create model" }).click();
    await dialog.getByText("a model with id llama-3-70b already exists").waitFor();
    expect(await dialog.getByLabel("Id", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByLabel("Id", { exact: true }).fill("mistral-7b");
    await dialog.getByRole("button", { name: "Create model" }).click();
    await page.getByRole("heading", { level: 1, name: "Mistral 7B Instruct" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/governance/assets/models/mistral-7b");
    await page.getByText("Who holds each layer of Mistral 7B Instruct").waitFor();
    await toastsSettled(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await toastsGone(page);
    await screenshot(page, "governance-asset");
    const stored = await api("GET", "/api/v1/governance/models/mistral-7b");
    expect(stored.status).toBe(200);
    expect(stored.body.provider).toBe("Mistral AI, served with vLLM");
  });

  it("runs the audit checks now", async () => {
    const { page } = browser;
    await page
      .getByRole("navigation", { name: "Governance sections" })
      .getByRole("link", { name: "Audits" })
      .click();
    const plan = page.getByRole("region", { name: "Quarterly AI governance review" });
    await plan.getByText(/Not run yet/).waitFor();
    await plan.getByRole("button", { name: "Run checks now" }).click();
    const results = plan.getByRole("list", { name: "Results of the last run" });
    await results.waitFor();
    expect(await results.getByRole("listitem").filter({ hasText: "model-ownership" }).count()).toBe(1);
    await plan.getByText(/Last run .* \(manual, by admin:/).waitFor();
    await page.getByText(/^Checks ran: /).waitFor();
    await toastsSettled(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await toastsGone(page);
    await screenshot(page, "governance-audits");
  });

  it("has no accessibility violations on the policies, training, AI incidents and data classes pages", async () => {
    const { page } = browser;
    for (const [link, ready] of [
      ["Policies", { table: "Policies" }],
      ["Training", { text: "No one is overdue." }],
      ["AI incidents", { text: "No incidents imported" }],
      ["Data classes", { tableOrText: ["Data classes", "No data classes yet"] }],
    ] as const) {
      await page
        .getByRole("navigation", { name: "Governance sections" })
        .getByRole("link", { name: link })
        .click();
      await page.getByRole("heading", { level: 1, name: link }).waitFor();
      if ("table" in ready) await page.getByRole("table", { name: ready.table }).waitFor();
      else if ("text" in ready) await page.getByText(ready.text).waitFor();
      else
        await page
          .getByRole("table", { name: ready.tableOrText[0] })
          .or(page.getByText(ready.tableOrText[1]))
          .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `governance-${link.toLowerCase().replace(/\s+/g, "-")}`);
    }
  });

  it("shows an auditor everything and lets them change nothing", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, rampart.url, await rampart.adminKeyFor("auditor"), "/governance/raci");
    await page.getByRole("grid", { name: /RACI chart/ }).waitFor();
    expect(await page.getByRole("grid", { name: /RACI chart/ }).getAttribute("aria-readonly")).toBe("true");
    expect(await page.getByRole("button", { name: "Save chart" }).isDisabled()).toBe(true);
    await page.getByText(/Saving needs the governance:write scope/).waitFor();
    await page.goto(`${rampart.url}/governance/assets`);
    expect(await page.getByRole("button", { name: "New asset" }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("keeps the governance pages readable in the dark theme", async () => {
    const dark = await openBrowser({ colorScheme: "dark" });
    try {
      await signIn(dark.page, rampart.url, rampart.adminKey, "/governance/risks");
      await dark.page.getByRole("table", { name: /^Inherent risk/ }).waitFor();
      expect(await accessibilityViolations(dark.page)).toEqual([]);
      await dark.page.goto(`${rampart.url}/governance/raci`);
      await dark.page.getByRole("grid", { name: /RACI chart/ }).waitFor();
      expect(await accessibilityViolations(dark.page)).toEqual([]);
      await dark.page.goto(`${rampart.url}/governance/acceptable-use`);
      await dark.page.getByRole("table", { name: "Gateway rules the matrix compiles to" }).waitFor();
      expect(await accessibilityViolations(dark.page)).toEqual([]);
      await dark.page.goto(`${rampart.url}/governance/audits`);
      await dark.page.getByRole("list", { name: "Results of the last run" }).waitFor();
      expect(await accessibilityViolations(dark.page)).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
