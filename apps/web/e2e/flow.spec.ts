import type { Page } from "@playwright/test";
import { previewTimeline } from "../app/lib/timeline";
import { checkScreen } from "./support/checks";
import { control } from "./support/control";
import { probe } from "./support/probe";
import { expect, logIn, test } from "./fixtures";

const orderOf = (page: Page) =>
  page
    .getByTestId("clip-order")
    .locator("[data-clip-id]")
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.clipId!));

test("a marketer makes, shares and reformats an ad: live grid, mood boards, drag and drop, timeline", async ({
  page,
  account,
  browser,
  consoleProblems,
}) => {
  test.setTimeout(480_000);
  await page.goto("/login");
  await checkScreen(page, "00-login");
  await logIn(page, account);
  await expect(page.getByTestId("empty-state")).toContainText("Describe your product");
  await checkScreen(page, "01-dashboard-empty");
  await page.getByRole("button", { name: "+ New ad" }).click();
  await expect(page).toHaveURL(/\/sessions\//);

  // Step 1. Too long a line is stopped in the page, with the counter and a message.
  const prompt = page.getByLabel("Describe your product in one line");
  await prompt.fill("x".repeat(201));
  await expect(page.getByTestId("productPrompt-count")).toHaveText("201 / 200");
  await page.getByRole("button", { name: "Generate images" }).click();
  await expect(page.getByText("Keep the description to 200 characters or fewer")).toBeVisible();
  await prompt.fill("Lightweight running shoe with a knit upper and a foam sole");
  await page.getByText("studio", { exact: true }).click();
  await page.getByText("vibrant", { exact: true }).click();
  await checkScreen(page, "02-step1-prompt");

  // The first image shows while the others are still rendering.
  await control.hold("images", 1);
  await page.getByRole("button", { name: "Generate images" }).click();
  await expect(page.getByTestId("image-tile")).toHaveCount(1, { timeout: 150_000 });
  await expect(page.getByTestId("image-placeholder")).toHaveCount(5);
  await expect(page.getByTestId("progress-message")).toContainText("image 1 of 6");
  await checkScreen(page, "03-step1-live-grid");
  await control.release("images");
  await expect(page.getByTestId("image-tile")).toHaveCount(6, { timeout: 150_000 });
  await expect(page.getByTestId("progress")).toBeHidden();

  // One image is not a mood board; three are.
  const pick = (view: string) => page.getByAltText(`${view} view`, { exact: true }).click();
  await pick("front");
  await expect(page.getByLabel("Approve the front view")).toBeChecked();
  await page.getByRole("button", { name: "Continue to video" }).click();
  await expect(page.getByText("Approve at least 2 images for the mood board.")).toBeVisible();
  await pick("side");
  await pick("detail");
  await expect(page.getByTestId("selection-count")).toHaveText("Selected: 3 of 6");
  const board = page.getByTestId("image-mood-board");
  await expect(board.getByRole("img")).toHaveCount(3);
  await checkScreen(page, "04-step1-mood-board");
  await page.getByRole("button", { name: "Continue to video" }).click();

  // Step 2: 3-second clips.
  await expect(page.getByTestId("summary-images")).toContainText("3 of 6 images");
  await page.getByLabel("Describe the scene").fill("Slow orbit around the shoe on wet asphalt");
  await page.getByText("3 s", { exact: true }).click();
  await page.getByRole("button", { name: "Generate clips" }).click();
  await expect(page.getByTestId("clip-tile")).toHaveCount(3, { timeout: 90_000 });
  await expect(page.getByTestId("progress")).toBeHidden({ timeout: 30_000 });
  await checkScreen(page, "05-step2-clips");

  // Drag the last clip to the front, then move one with the keyboard.
  const [a, b, c] = await orderOf(page);
  const items = page.getByTestId("clip-order").locator("[data-clip-id]");
  await items.last().dragTo(items.first());
  expect(await orderOf(page)).toEqual([c, a, b]);
  await items.nth(2).focus();
  await page.keyboard.press("ArrowLeft");
  expect(await orderOf(page)).toEqual([c, b, a]);
  await expect(page.getByText(/clip moved to position 2 of 3/)).toBeAttached();
  await expect(page.locator(`[data-clip-id="${b}"]`)).toBeFocused();

  const expected = previewTimeline({
    clips: [3, 3, 3].map((duration, i) => ({ id: String(i), duration })),
    introDuration: 1,
    outroDuration: 1.5,
  }).totalSec;
  await expect(page.getByTestId("timeline-total")).toHaveText(`${expected.toFixed(1)} s`);
  await expect(page.getByTestId("timeline-part")).toHaveCount(5);
  await checkScreen(page, "06-step2-order");
  await page.getByRole("button", { name: "Continue to finish" }).click();

  // The saved order survives a reload: which clip is where, not just "#1".
  await expect(page.getByTestId("step-finish")).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}?step=clips`);
  expect(await orderOf(page)).toEqual([c, b, a]);
  await page.getByRole("link", { name: "Finish", exact: true }).click();

  // Step 3. Text no font can draw is refused in the form, by the API, before work starts.
  await page.getByLabel("Product name").fill("AirRun 𓀀");
  await page.getByLabel("Call to action").fill("Shop Now");
  await page.getByRole("button", { name: "Generate final video" }).click();
  await expect(page.getByText(/no available font can draw/)).toBeVisible();
  await page.getByLabel("Product name").fill("AirRun Pro");
  await page.getByText("Bebas Neue", { exact: true }).click();
  await page.getByRole("button", { name: "Colour #FACC15" }).click();
  await page.getByRole("checkbox", { name: "Music" }).check();
  await page.getByLabel("Music genre").selectOption("energetic");
  await expect(page.getByTestId("frame-preview")).toContainText("AirRun Pro");
  await expect(page.getByTestId("timeline-total")).toHaveText(`${expected.toFixed(1)} s`);
  await checkScreen(page, "07-step3-finish");
  await page.getByRole("button", { name: "Generate final video" }).click();
  await expect(page.getByTestId("progress")).toBeVisible();

  // Result: plays, and is what the page says it is.
  await expect(page.getByRole("heading", { name: "Your video is ready!" })).toBeVisible({
    timeout: 120_000,
  });
  const player = page.getByLabel("Your finished ad");
  await player.evaluate((v: HTMLVideoElement) => v.play());
  await expect
    .poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(0.3);
  const shown = Number((await page.getByTestId("video-duration").innerText()).replace(" s", ""));
  expect(shown).toBeCloseTo(expected, 0);
  await expect(page.getByTestId("cost-total")).toHaveText(/^\$/);
  await checkScreen(page, "08-result");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download MP4" }).click(),
  ]);
  const file = await download.path();
  const info = await probe(file);
  expect(info.container).toContain("mp4");
  expect(info.videoCodec).toBe("h264");
  expect(info.audioCodec).toBe("aac");
  expect([info.width, info.height]).toEqual([1920, 1080]);
  expect(Math.abs(info.duration - shown)).toBeLessThan(0.1);

  // Share link: opens logged out, with Open Graph tags; revoked, it says so.
  await page.getByRole("button", { name: "Share link" }).click();
  const shareUrl = await page.getByRole("textbox", { name: "Public link" }).inputValue();
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/);
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  await pub.goto(shareUrl);
  await expect(pub.getByTestId("shared-video")).toBeVisible();
  const ogVideo = await pub.locator('meta[property="og:video"]').getAttribute("content");
  expect(ogVideo).toMatch(/\/media\/shared\//);
  expect((await pub.request.get(ogVideo!)).status()).toBe(200);
  await checkScreen(pub, "09-shared-page");
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByRole("button", { name: "Revoke link" })).toBeHidden();
  await pub.reload();
  await expect(pub.getByRole("heading", { name: "This link was revoked" })).toBeVisible();
  expect((await pub.request.get(ogVideo!)).status()).toBe(404);
  await checkScreen(pub, "10-shared-revoked");
  await visitor.close();

  // Another format from the result page, listed beside the first.
  await page.getByRole("button", { name: "Make 9:16" }).click();
  await expect(page.getByTestId("formats").locator("[data-format]")).toHaveCount(2, {
    timeout: 120_000,
  });
  await expect(page.getByTestId("formats").locator('[data-format="9:16"]')).toBeVisible();
  await expect(page.getByTestId("video-facts")).toContainText("1080x1920");
  await checkScreen(page, "11-result-formats");
  expect(consoleProblems).toEqual([]);
});
