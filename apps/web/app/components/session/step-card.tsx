import type { ReactNode } from "react";

export function StepCard({
  step,
  title,
  hint,
  children,
  testId,
}: {
  step: number;
  title: string;
  hint?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid={testId}
      aria-labelledby={`step-${step}-title`}
    >
      <div className="mb-4 flex items-start gap-3">
        <span
          className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700"
          aria-hidden="true"
        >
          {step}
        </span>
        <div>
          <h2 id={`step-${step}-title`} className="font-semibold">
            {title}
          </h2>
          {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
        </div>
      </div>
      {children}
    </section>
  );
}
