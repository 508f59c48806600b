import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The signed-in frame: brand, the user's email, log-out. */
export function AppShell({ email, children }: { email?: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link
            to="/"
            className="flex items-center gap-2 font-semibold tracking-tight text-ink-900"
          >
            <img src="/favicon.svg" alt="" className="h-7 w-7" />
            Adgen
          </Link>
          {email ? (
            <div className="flex items-center gap-3 text-sm">
              <span className="hidden text-slate-600 sm:inline" data-testid="user-email">
                {email}
              </span>
              <Form method="post" action="/logout">
                <button
                  type="submit"
                  className="rounded-lg px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
                >
                  Log out
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
