import { expect, test } from "./fixtures";

test("a user logs in, creates an ad, sees it on the dashboard and logs out", async ({
  page,
  account,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Your ads" })).toBeVisible();
  await expect(page.getByTestId("user-email")).toHaveText(account.email);

  await page.getByRole("button", { name: "+ New ad" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = page.url();
  await expect(page.getByText("Draft")).toBeVisible();

  await page.getByRole("link", { name: "← Your ads" }).click();
  const card = page.getByTestId("session-card").first();
  await expect(card).toBeVisible();
  await expect(card.getByRole("link")).toHaveAttribute("href", new URL(sessionUrl).pathname);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(new URL(sessionUrl).pathname);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test("a wrong password shows an error and keeps the user out", async ({ page, account }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login$/);
});

test("sign-up shows field errors next to the field, then creates the account", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();

  const email = `e2e-${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your ads" })).toBeVisible();
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await expect(page.getByText("No ads yet")).toBeVisible();
});
