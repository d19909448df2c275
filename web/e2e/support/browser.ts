import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.RAMPART_CHROMIUM ?? "/usr/bin/chromium";
const SCREENSHOTS = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));

export interface E2eBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a fresh profile (playwright launches every browser with a new
 * temporary user data dir) and no background networking (the machine's network is closed). `.ci/run` installs the chromium package when it is missing.
 */
export async function openBrowser(
  options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {},
): Promise<E2eBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set RAMPART_CHROMIUM`,
    );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    // no half-faded toasts or dialogs: axe measures colour contrast at the opacity it finds, so a
    // check that lands mid-transition reports text that is never shown that faint at rest
    reducedMotion: "reduce",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    browser,
    context,
    page,
    close: async () => {
      await browser.close();
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join("; ")}`);
    },
  };
}

/** Signs in through the form, as a person would, and waits for the signed-in frame. */
export async function signIn(page: Page, baseUrl: string, key: string, path = "/"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("Admin key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/**
 * Saves a full-page screenshot to docs/screenshots/<name>.png (the README shows two of them) when
 * RAMPART_SCREENSHOTS is set (`npm run screenshots`); an ordinary test run leaves the committed
 * pictures alone, so it does not dirty the working tree with pixel noise.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.RAMPART_SCREENSHOTS === undefined || process.env.RAMPART_SCREENSHOTS === "") return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core on the current page: the serious and critical violations, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // settle whatever still moves (the page's own CSS transitions, and the toast library's when the
  // reduced-motion preference is not honoured) so the contrast check sees the resting colours
  // (a spinner loops forever: only finite animations are waited for)
  // (a string: this file is type-checked without the DOM library)
  await page.evaluate(`Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  ).then(() => undefined)`);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}
