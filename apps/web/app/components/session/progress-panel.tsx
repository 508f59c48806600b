import { Form } from "@remix-run/react";
import { formatUsd } from "../../lib/format";
import type { SeenEvent } from "../../lib/progress-memory";
import type { ConnectionState } from "../../lib/use-progress";

/** A running step: bar, live message, money spent, connection state and what happened so far. */
export function ProgressPanel({
  title,
  events,
  connection,
  repeats,
}: {
  title: string;
  /** This step's events, oldest first. */
  events: SeenEvent[];
  connection: ConnectionState;
  repeats: number;
}) {
  const latest = events.at(-1)?.event;
  const percent = latest?.progress ?? 0;
  return (
    <section
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="progress"
    >
      <div className="flex items-center justify-between gap-4">
        <h2 className="font-semibold">{title}</h2>
        <div className="flex items-center gap-3">
          <span className="text-sm tabular-nums text-slate-600">{percent}%</span>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button
              type="submit"
              className="rounded-lg px-2 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Cancel
            </button>
          </Form>
        </div>
      </div>
      <div
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={title}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-all duration-500"
          style={{ width: `${Math.max(3, percent)}%` }}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
        <p className="text-slate-700" data-testid="progress-message" aria-live="polite">
          {latest?.message ?? "Starting…"}
        </p>
        <p className="shrink-0 tabular-nums text-slate-600">
          {formatUsd(latest?.currentCost ?? 0)} spent
        </p>
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm">
        {connection === "reconnecting" ? (
          <span className="font-medium text-amber-700" data-testid="reconnecting">
            Reconnecting…
          </span>
        ) : null}
      </p>
      {events.length > 0 ? (
        <details className="mt-1 text-sm text-slate-600">
          <summary className="cursor-pointer rounded select-none">What happened so far</summary>
          <ol
            className="mt-2 flex max-h-40 flex-col gap-0.5 overflow-y-auto"
            data-testid="event-log"
            data-repeats={repeats}
          >
            {events.map(({ id, event }) => (
              <li key={id} data-event-id={id} className="tabular-nums">
                {event.progress}% · {event.message}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
