import { expect, logIn, test } from "./fixtures";

/**
 * Cross-site form posts against the production server: log-in CSRF, log-out and delete
 * from another origin, including Remix's `?_data=` single-fetch paths and `/logout`, which
 * has no page of its own. Each is refused with 403 and changes nothing.
 */
const EVIL = "https://evil.example";

test("a foreign origin cannot log a browser in, log it out or delete its ads", async ({
  page,
  account,
  request,
}) => {
  const form = { email: account.email, password: account.password };
  for (const path of ["/login", "/login?_data=routes%2Flogin", "/login.data"]) {
    const res = await request.post(path, { form, headers: { origin: EVIL }, maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
    expect(res.headers()["set-cookie"], path).toBeUndefined();
  }

  await logIn(page, account);
  await page.getByRole("button", { name: "+ New ad" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionPath = new URL(page.url()).pathname;
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  const attacks: { path: string; form: Record<string, string> }[] = [
    { path: "/logout", form: {} },
    { path: `${sessionPath}?_data=routes%2Fsessions.%24sessionId`, form: { intent: "delete" } },
    { path: `${sessionPath}.data`, form: { intent: "delete" } },
    { path: sessionPath, form: { intent: "delete" } },
  ];
  for (const attack of attacks) {
    const foreign: Record<string, string>[] = [{ origin: EVIL }, { "sec-fetch-site": "same-site" }];
    for (const headers of foreign) {
      const res = await request.post(attack.path, {
        form: attack.form,
        headers: { ...headers, cookie },
        maxRedirects: 0,
      });
      expect(res.status(), `${attack.path} ${JSON.stringify(headers)}`).toBe(403);
    }
  }

  // Still logged in, and the ad is still there.
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(page.getByText("Draft")).toBeVisible();
});
