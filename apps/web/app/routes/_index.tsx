import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { Button } from "../components/button";
import { FormError } from "../components/form-error";
import { RouteError } from "../components/route-error";
import { SessionCard } from "../components/session-card";
import { apiFailure } from "../lib/api-errors";
import { requireUser } from "../lib/guards.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const params = new URL(request.url).searchParams;
  const cursor = params.get("cursor") ?? undefined;
  const query = (params.get("q") ?? "").trim();
  const page = await context.api.sessions
    .list({ limit: 24, cursor })
    .catch(() => context.api.sessions.list({ limit: 24 }));
  // Search covers the page shown: the product line is the one text an ad has.
  const needle = query.toLowerCase();
  const items = needle
    ? page.items.filter((i) => (i.productPrompt ?? "").toLowerCase().includes(needle))
    : page.items;
  return { user, items, total: page.items.length, query, nextCursor: page.nextCursor };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  if (form.get("intent") === "delete") {
    try {
      await context.api.sessions.delete({ sessionId: String(form.get("sessionId") ?? "") });
      return { ok: true as const };
    } catch (error) {
      return apiFailure(error);
    }
  }
  const created = await context.api.sessions.create();
  throw redirect(`/sessions/${created.sessionId}`);
}

const HOW_IT_WORKS = [
  ["Describe your product", "One line. Adgen renders 4–8 studio shots of the same product."],
  ["Pick shots and clips", "Approve the best images; each becomes a short animated clip."],
  ["Finish and download", "Add the name, a call to action and music; download a 1080p MP4."],
] as const;

export default function Dashboard() {
  const { user, items, total, query, nextCursor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const creating = navigation.formMethod === "POST" && !navigation.formData?.get("intent");
  const deleting = navigation.formData?.get("intent") === "delete";
  return (
    <AppShell email={user.email}>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your ads</h1>
          <p className="text-sm text-slate-600">
            Describe a product, approve the shots, download a finished ad.
          </p>
        </div>
        <Form method="post">
          <Button type="submit" disabled={creating}>
            {creating ? "Creating…" : "+ New ad"}
          </Button>
        </Form>
      </div>
      {result && "message" in result ? <FormError message={result.message} /> : null}
      {total > 0 ? (
        <Form method="get" role="search" className="mb-4 flex gap-2">
          <label htmlFor="q" className="sr-only">
            Search your ads
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Search by product…"
            className="w-full max-w-sm rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
      ) : null}
      {total === 0 ? (
        <section
          className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12"
          data-testid="empty-state"
        >
          <h2 className="text-center text-lg font-semibold">No ads yet — here is how it works</h2>
          <ol className="mx-auto mt-6 grid max-w-3xl gap-4 sm:grid-cols-3">
            {HOW_IT_WORKS.map(([title, text], i) => (
              <li key={title} className="flex flex-col gap-1 rounded-xl bg-slate-50 p-4">
                <span className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-sm font-bold text-white">
                  {i + 1}
                </span>
                <span className="font-medium">{title}</span>
                <span className="text-sm text-slate-600">{text}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : items.length === 0 ? (
        <p className="rounded-2xl bg-white p-6 text-center text-slate-600">
          No ads match “{query}”.{" "}
          <Link to="/" className="text-brand-700 underline">
            Show all
          </Link>
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="session-list">
          {items.map((item) => (
            <li key={item.id}>
              <SessionCard item={item} deleting={deleting} />
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <div className="mt-6 text-center">
          <Link
            to={`/?cursor=${encodeURIComponent(nextCursor)}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Older ads →
          </Link>
        </div>
      ) : null}
    </AppShell>
  );
}

export const ErrorBoundary = RouteError;
