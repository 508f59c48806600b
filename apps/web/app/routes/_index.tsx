import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { Button } from "../components/button";
import { StageBadge } from "../components/stage-badge";
import { formatDate, formatUsd } from "../lib/format";
import { requireUser } from "../lib/guards.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const page = await context.api.sessions
    .list({ limit: 24, cursor })
    .catch(() => context.api.sessions.list({ limit: 24 }));
  return { user, ...page };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const created = await context.api.sessions.create();
  throw redirect(`/sessions/${created.sessionId}`);
}

export default function Dashboard() {
  const { user, items, nextCursor } = useLoaderData<typeof loader>();
  const creating = useNavigation().formMethod === "POST";
  return (
    <AppShell email={user.email}>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your ads</h1>
          <p className="text-sm text-slate-500">
            Describe a product, approve the shots, download a finished ad.
          </p>
        </div>
        <Form method="post">
          <Button type="submit" disabled={creating}>
            {creating ? "Creating…" : "+ New ad"}
          </Button>
        </Form>
      </div>
      {items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <p className="font-medium">No ads yet</p>
          <p className="mt-1 text-sm text-slate-500">
            Press “New ad” and describe your product in one line.
          </p>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="session-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                to={`/sessions/${item.id}`}
                className="group block overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md"
                data-testid="session-card"
              >
                <div className="aspect-video bg-gradient-to-br from-slate-100 to-slate-200">
                  {item.thumbnailUrl ? (
                    <img
                      src={item.thumbnailUrl}
                      alt=""
                      className="h-full w-full object-cover"
                      loading="lazy"
                    />
                  ) : null}
                </div>
                <div className="flex flex-col gap-2 p-4">
                  <div className="flex items-center justify-between gap-2">
                    <StageBadge stage={item.stage} />
                    <span className="text-sm tabular-nums text-slate-500">
                      {formatUsd(item.totalCost)}
                    </span>
                  </div>
                  <p className="line-clamp-1 font-medium text-slate-800">
                    {item.productPrompt ?? "Untitled ad"}
                  </p>
                  <p className="text-xs text-slate-400">{formatDate(item.createdAt)}</p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <div className="mt-6 text-center">
          <Link
            to={`/?cursor=${encodeURIComponent(nextCursor)}`}
            className="text-sm font-medium text-brand-600 hover:underline"
          >
            Older ads →
          </Link>
        </div>
      ) : null}
    </AppShell>
  );
}
