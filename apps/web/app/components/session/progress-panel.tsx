import type { ProgressEvent } from "@adgen/schemas";
import { formatUsd } from "../../lib/format";

export function ProgressPanel({ title, event }: { title: string; event: ProgressEvent | null }) {
  const percent = event?.progress ?? 0;
  return (
    <section
      className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
      aria-live="polite"
      data-testid="progress"
    >
      <div className="flex items-center justify-between gap-4">
        <h2 className="font-semibold">{title}</h2>
        <span className="text-sm tabular-nums text-slate-500">{percent}%</span>
      </div>
      <div
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-all duration-500"
          style={{ width: `${Math.max(3, percent)}%` }}
        />
      </div>
      <div className="mt-3 flex items-center justify-between gap-4 text-sm">
        <p className="text-slate-600" data-testid="progress-message">
          {event?.message ?? "Starting…"}
        </p>
        <p className="shrink-0 tabular-nums text-slate-400">
          {formatUsd(event?.currentCost ?? 0)} spent
        </p>
      </div>
    </section>
  );
}
