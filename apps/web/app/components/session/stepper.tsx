import { Link } from "@remix-run/react";
import { STEPS, type StepId } from "../../lib/steps";

/** Where the ad is (current), what can be opened (links), and what is still ahead (plain). */
export function Stepper({
  current,
  open,
  reachable,
}: {
  current: StepId;
  open: StepId;
  reachable: Set<StepId>;
}) {
  const currentIndex = STEPS.findIndex((s) => s.id === current);
  return (
    <nav aria-label="Steps" className="mb-6">
      <ol className="grid grid-cols-4 gap-1 sm:gap-2">
        {STEPS.map((step, index) => {
          const done = index < currentIndex;
          const isOpen = step.id === open;
          const tone = isOpen
            ? "border-brand-600 bg-brand-50 text-brand-700"
            : done
              ? "border-emerald-300 bg-white text-emerald-700"
              : "border-slate-200 bg-white text-slate-500";
          const body = (
            <>
              <span
                className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                  done
                    ? "bg-emerald-600 text-white"
                    : isOpen
                      ? "bg-brand-600 text-white"
                      : "bg-slate-100"
                }`}
                aria-hidden="true"
              >
                {done ? "✓" : step.number}
              </span>
              <span className="max-w-full truncate text-xs font-medium sm:text-sm">
                {step.label}
              </span>
            </>
          );
          const className = `flex min-w-0 flex-col items-center gap-1 rounded-xl border px-1 py-2 text-center sm:flex-row sm:px-3 sm:text-left ${tone}`;
          return (
            <li key={step.id} className="min-w-0">
              {reachable.has(step.id) && !isOpen ? (
                <Link
                  to={`?step=${step.id}`}
                  className={`${className} hover:border-brand-500`}
                  aria-label={`${step.label}${done ? " (done)" : ""}`}
                  preventScrollReset
                >
                  {body}
                </Link>
              ) : (
                <span
                  className={className}
                  aria-current={isOpen ? "step" : undefined}
                  aria-disabled={!reachable.has(step.id) || undefined}
                >
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
