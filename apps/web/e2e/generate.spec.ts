import { expect, logIn, test } from "./fixtures";

test("a marketer goes from a product line to approved, ordered clips with live progress", async ({
  page,
  account,
}) => {
  test.setTimeout(180_000);
  await logIn(page, account);
  await page.getByRole("button", { name: "+ New ad" }).click();
  await expect(page).toHaveURL(/\/sessions\//);

  // A too-short description is refused next to the field, and nothing starts.
  await page.getByLabel("Describe your product in one line").fill("ab");
  await page.getByRole("button", { name: "Generate images" }).click();
  await expect(page.getByText("Product description must be at least 3 characters")).toBeVisible();

  await page
    .getByLabel("Describe your product in one line")
    .fill("Matte black aluminium water bottle");
  await page.getByLabel("Images").selectOption("4");
  await page.getByRole("button", { name: "Generate images" }).click();
  // Four local renders can finish before the page shows the progress panel; clips below cannot.
  const images = page.getByTestId("image-grid").locator("img");
  await expect(images).toHaveCount(4, { timeout: 90_000 });
  await page.screenshot({ path: "test-results/images.png", fullPage: true });

  const approve = page.getByRole("button", { name: /Approve \d+ images/ });
  await expect(approve).toBeDisabled();
  for (const view of ["front view", "three quarter view", "detail view"])
    await page.getByAltText(view).click();
  await expect(page.getByLabel("Approve the front view")).toBeChecked();
  await approve.click();
  await expect(page.getByLabel("Describe the scene")).toBeVisible();

  // Approvals survive a reload.
  await page.reload();
  await expect(page.getByRole("button", { name: "Approve 3 images" })).toBeVisible();

  await page.getByLabel("Describe the scene").fill("Slow elegant orbit on a marble counter");
  await page.getByLabel("Clip length").selectOption("2");
  await page.getByRole("button", { name: "Generate clips" }).click();
  await expect(page.getByTestId("progress")).toBeVisible();
  await expect(page.getByTestId("progress-message")).toContainText(/clip/i);
  const clips = page.getByTestId("clip-grid").locator("video");
  await expect(clips).toHaveCount(3, { timeout: 120_000 });

  // The clips really play: the browser loads their metadata from /media with Range.
  const duration = await clips.first().evaluate(async (video: HTMLVideoElement) => {
    if (video.readyState < 1)
      await new Promise((r) => video.addEventListener("loadedmetadata", r, { once: true }));
    return video.duration;
  });
  expect(duration).toBeCloseTo(2, 1);

  const uses = page.getByLabel("Use this clip");
  await uses.nth(2).check();
  await uses.nth(0).check();
  await expect(page.getByText("#1")).toBeVisible();
  await page.getByRole("button", { name: "Save 2 clips in this order" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Save 2 clips in this order" })).toBeVisible();

  // Text a font cannot draw would be refused before work starts; ordinary text composes.
  await page.getByLabel("Product name").fill("AeroFlask");
  await page.getByLabel("Call to action").fill("Shop now");
  await page.getByRole("checkbox", { name: "Music" }).check();
  await page.getByLabel("Music genre").selectOption("chill");
  await page.getByRole("button", { name: "Make my video" }).click();
  await expect(page.getByTestId("progress")).toBeVisible();
  const final = page.getByTestId("final-video");
  await expect(final).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText("Complete")).toBeVisible();
  const finalDuration = await final.locator("video").evaluate(async (video: HTMLVideoElement) => {
    if (video.readyState < 1)
      await new Promise((r) => video.addEventListener("loadedmetadata", r, { once: true }));
    return video.duration;
  });
  // 1 s intro + two 2 s clips + 1.5 s outro, less the crossfades.
  expect(finalDuration).toBeGreaterThan(4);
  expect(finalDuration).toBeLessThan(7);
  await expect(final.getByRole("link", { name: "Download MP4" })).toHaveAttribute(
    "download",
    /\.mp4$/,
  );
  await expect(final).toContainText("1920x1080");
  await page.screenshot({ path: "test-results/final.png", fullPage: true });
});
