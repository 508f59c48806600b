import { Form, Link } from "@remix-run/react";
import { formatDate, formatUsd } from "../lib/format";
import type { SessionListItem } from "../lib/session-view";
import { StageBadge } from "./stage-badge";

/** One ad on the dashboard: picture, product line, stage, cost, date, and delete. */
export function SessionCard({ item, deleting }: { item: SessionListItem; deleting: boolean }) {
  const title = item.productPrompt ?? "Untitled ad";
  return (
    <article
      className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md"
      data-testid="session-card"
    >
      <div className="aspect-video bg-gradient-to-br from-slate-100 to-slate-200">
        {item.thumbnailUrl ? (
          <img src={item.thumbnailUrl} alt="" className="h-full w-full object-cover" />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex items-center justify-between gap-2">
          <StageBadge stage={item.stage} />
          <span className="text-sm tabular-nums text-slate-600">{formatUsd(item.totalCost)}</span>
        </div>
        <h2 className="line-clamp-1 font-medium text-slate-900">
          <Link
            to={`/sessions/${item.id}`}
            className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          >
            {title}
          </Link>
        </h2>
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-slate-600">{formatDate(item.createdAt)}</p>
          <Form
            method="post"
            className="relative z-10"
            onSubmit={(e) => {
              if (!window.confirm(`Delete “${title}” and all its images and videos?`))
                e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="sessionId" value={item.id} />
            <button
              type="submit"
              disabled={deleting}
              className="rounded-lg px-2 py-1 text-xs font-medium text-slate-600 hover:bg-red-50 hover:text-red-700"
              aria-label={`Delete ${title}`}
            >
              Delete
            </button>
          </Form>
        </div>
      </div>
    </article>
  );
}
