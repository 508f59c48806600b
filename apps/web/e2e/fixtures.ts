import { test as base, type Page } from "@playwright/test";

export interface Account {
  email: string;
  password: string;
}

/**
 * Each test gets its own account, made through the API as a browser on the app's origin
 * would (production never has the demo account), and logs in through the real form.
 * Console errors and warnings fail the test that caused them.
 */
export const test = base.extend<{ account: Account; consoleProblems: string[] }>({
  account: async ({ request, baseURL }, use) => {
    const account = {
      email: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      password: "e2e-password-123",
    };
    const res = await request.post("/trpc/auth.signup", {
      data: { json: account },
      // serve.ts trusts one proxy hop: each test signs up from its own address, as real
      // users do, so the per-address sign-up limit holds without being lifted for tests.
      headers: {
        origin: new URL(baseURL ?? "http://127.0.0.1").origin,
        "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
      },
    });
    if (!res.ok()) throw new Error(`Sign-up for the test failed: HTTP ${res.status()}`);
    await use(account);
  },
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error" && message.type() !== "warning") return;
        // Remix logs a data load that a click overtook while its response was arriving (it
        // aborts the load; the click's own load brings the data). Nothing failed.
        if (OVERTAKEN_LOAD.test(message.text())) return;
        problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      await use(problems);
    },
    { auto: true },
  ],
});

/** Remix's console.error for an aborted data load: the abort's own stack, from revalidate. */
const OVERTAKEN_LOAD = /^AbortError: signal is aborted without reason\n\s+at /;

export { expect } from "@playwright/test";

export async function logIn(page: Page, account: Account) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Your ads" }).waitFor();
}
