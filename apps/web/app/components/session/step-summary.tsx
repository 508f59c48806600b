import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A finished step folded to one line, with a way back into it. */
export function StepSummary({
  number,
  title,
  step,
  children,
}: {
  number: number;
  title: string;
  step: string;
  children: ReactNode;
}) {
  return (
    <section
      className="flex flex-wrap items-center gap-3 rounded-2xl border border-slate-200 bg-white px-4 py-3 shadow-sm"
      data-testid={`summary-${step}`}
    >
      <span
        className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-sm font-bold text-white"
        aria-hidden="true"
      >
        ✓
      </span>
      <h2 className="font-semibold">
        <span className="sr-only">Step {number}: </span>
        {title}
      </h2>
      <div className="order-last flex w-full min-w-0 items-center gap-2 text-sm text-slate-600 sm:order-none sm:w-auto sm:flex-1">
        {children}
      </div>
      <Link
        to={`?step=${step}`}
        preventScrollReset
        className="ml-auto rounded-lg px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50 sm:ml-0"
      >
        Reopen<span className="sr-only"> {title}</span>
      </Link>
    </section>
  );
}
