import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdir } from "node:fs/promises";

/** Kept with the run's other output (git-ignored); docs/ holds the one the README shows. */
export const SCREENSHOTS = "test-results/screenshots";

/** axe on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `accessibility problems on ${screen}`).toEqual([]);
}

/** Saves a full-page screenshot of one step, and checks the layout does not overflow. */
export async function snap(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: content wider than the window`).toBeLessThanOrEqual(0);
}

/** Every screen of the flow: accessible, and captured. */
export async function checkScreen(page: Page, name: string) {
  await expectAccessible(page, name);
  await snap(page, name);
}
