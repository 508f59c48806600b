import { type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AppShell } from "../components/app-shell";
import { StageBadge } from "../components/stage-badge";
import { apiFailure } from "../lib/api-errors";
import { formatDate, formatUsd } from "../lib/format";
import { requireUser } from "../lib/guards.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  try {
    const session = await context.api.sessions.get({ sessionId: params.sessionId ?? "" });
    return { user, session };
  } catch (error) {
    const failure = apiFailure(error);
    // A malformed id and someone else's session look the same as a missing one.
    if (failure.code === "NOT_FOUND" || failure.code === "BAD_REQUEST") {
      throw new Response("This ad does not exist or is not yours.", { status: 404 });
    }
    throw error;
  }
}

export default function SessionPage() {
  const { user, session } = useLoaderData<typeof loader>();
  return (
    <AppShell email={user.email}>
      <nav className="mb-4 text-sm">
        <Link to="/" className="text-slate-500 hover:text-slate-800">
          ← Your ads
        </Link>
      </nav>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">{session.productPrompt ?? "New ad"}</h1>
          <StageBadge stage={session.stage} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Created</dt>
            <dd>{formatDate(session.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Spent</dt>
            <dd className="tabular-nums">
              {formatUsd(session.totalCost)} of {formatUsd(session.budget)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Images</dt>
            <dd>{session.generatedImages.length}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Clips</dt>
            <dd>{session.generatedClips.length}</dd>
          </div>
        </dl>
        {session.error ? <p className="mt-4 text-sm text-red-600">{session.error}</p> : null}
      </div>
    </AppShell>
  );
}
