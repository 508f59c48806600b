import type { Page } from "@playwright/test";
import { checkScreen } from "./support/checks";
import { control } from "./support/control";
import { expect, logIn, test } from "./fixtures";

/** The events this browser has kept for a session (what a reload resumes after). */
const storedEventIds = (page: Page, sessionId: string) =>
  page.evaluate((id) => {
    const raw = window.localStorage.getItem(`adgen:progress:${id}`);
    return (JSON.parse(raw ?? "[]") as { id: string }[]).map((e) => Number(e.id));
  }, sessionId);

test.use({ viewport: { width: 375, height: 812 } });

test("on a phone: Try again after a failure, a stale tab's refusal, reload and a dropped socket resume progress, delete", async ({
  page,
  context,
  account,
  consoleProblems,
}) => {
  test.setTimeout(480_000);
  await logIn(page, account);
  await page.getByRole("button", { name: "+ New ad" }).click();
  await expect(page).toHaveURL(/\/sessions\//);
  const sessionPath = new URL(page.url()).pathname;
  const sessionId = sessionPath.split("/").at(-1)!;

  // A step that fails says so and offers Try again, which finishes it.
  await page
    .getByLabel("Describe your product in one line")
    .fill("Ceramic pour-over coffee dripper");
  await page.getByRole("slider", { name: /Images/ }).fill("4");
  await control.fail("images", true);
  await page.getByRole("button", { name: "Generate images" }).click();
  const tryAgain = page.getByRole("button", { name: "Try again" });
  await expect(tryAgain).toBeVisible({ timeout: 150_000 });
  await checkScreen(page, "m01-failed");
  await control.fail("images", false);
  await tryAgain.click();
  await expect(page.getByTestId("image-tile")).toHaveCount(4, { timeout: 150_000 });
  await expect(page.getByTestId("progress")).toBeHidden({ timeout: 60_000 });
  await page.getByAltText("front view", { exact: true }).click();
  await page.getByAltText("detail view", { exact: true }).click();
  await checkScreen(page, "m02-images");
  await page.getByRole("button", { name: "Continue to video" }).click();

  // A second tab still shows the clip form; its request, made while clips run, is refused
  // by the API and the refusal is shown, not swallowed.
  await page.getByLabel("Describe the scene").fill("Steam rising in soft morning window light");
  await page.getByText("2 s", { exact: true }).click();
  const stale = await context.newPage();
  await stale.goto(sessionPath);
  await stale.getByLabel("Describe the scene").fill("Steam rising in soft morning window light");
  await control.hold("clips", 1);
  await page.getByRole("button", { name: "Generate clips" }).click();
  await expect(page.getByTestId("clip-tile")).toHaveCount(1, { timeout: 150_000 });
  await expect(page.getByTestId("clip-placeholder")).toHaveCount(1);
  await stale.getByRole("button", { name: "Generate clips" }).click();
  await expect(stale.getByRole("alert")).toContainText("Clips are still being generated");
  await stale.close();

  // A reload lands on the running step with its progress, resumed after the last event seen.
  const before = await storedEventIds(page, sessionId);
  const percent = Number(await page.getByRole("progressbar").getAttribute("aria-valuenow"));
  await page.reload();
  await expect(page.getByTestId("progress")).toBeVisible();
  await expect(page.getByTestId("clip-tile")).toHaveCount(1);
  expect(Number(await page.getByRole("progressbar").getAttribute("aria-valuenow"))).toBe(percent);
  await checkScreen(page, "m03-clips-running");

  // The server drops the socket: the page says so, comes back, and gets the rest once.
  expect(await control.dropSockets(3_000)).toBeGreaterThan(0);
  await expect(page.getByTestId("reconnecting")).toBeVisible();
  await control.release("clips");
  await expect(page.getByTestId("reconnecting")).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId("clip-tile")).toHaveCount(2, { timeout: 150_000 });
  await expect(page.getByTestId("progress")).toBeHidden({ timeout: 60_000 });
  const after = await storedEventIds(page, sessionId);
  expect(new Set(after).size).toBe(after.length);
  // The page keeps the latest 30: the ones seen before the drop, then only newer ones.
  expect(after).toContain(before.at(-1));
  expect(after.at(-1)).toBeGreaterThan(before.at(-1)!);
  expect([...after].sort((x, y) => x - y)).toEqual(after);
  await checkScreen(page, "m04-clips");

  // Finish in another format and font, at phone width.
  await page.getByRole("button", { name: "Continue to finish" }).click();
  await page.getByLabel("Product name").fill("DripOne");
  await page.getByLabel("Call to action").fill("Order today");
  await page.getByText("Anton", { exact: true }).click();
  await page.getByLabel("Custom colour").fill("#22d3ee");
  await page.getByText("1:1 square", { exact: true }).click();
  await expect(page.getByTestId("frame-preview")).toHaveAttribute("data-format", "1:1");
  await checkScreen(page, "m05-finish");
  await page.getByRole("button", { name: "Generate final video" }).click();
  await expect(page.getByRole("heading", { name: "Your video is ready!" })).toBeVisible({
    timeout: 150_000,
  });
  await expect(page.getByTestId("video-facts")).toContainText("1080x1080");
  await checkScreen(page, "m06-result");

  // The dashboard: search by product text, then delete with confirmation.
  await page.goto("/");
  await page.getByLabel("Search your ads").fill("coffee");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("session-card")).toHaveCount(1);
  await checkScreen(page, "m07-dashboard");
  await page.getByLabel("Search your ads").fill("bicycle");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No ads match “bicycle”")).toBeVisible();
  await page.getByRole("link", { name: "Show all" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /^Delete / }).click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  // The browser itself logs each reconnect the test's server refused; nothing else may log.
  const refused = /^error: WebSocket connection to '.*' failed: Connection closed before/;
  expect(consoleProblems.filter((problem) => !refused.test(problem))).toEqual([]);

  // The deleted ad is a 404 inside the app's frame (another tab: a 404 is logged by design).
  const gone = await context.newPage();
  await gone.goto(sessionPath);
  await expect(gone.getByRole("heading", { name: "We could not find that" })).toBeVisible();
  await expect(gone.getByRole("link", { name: "Adgen" })).toBeVisible();
  await checkScreen(gone, "m08-not-found");
});
