import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import { Button } from "../button";
import { FormError } from "../form-error";

/**
 * A mood board's form: posts the chosen ids in order under `intent`, checks the choice in
 * the page first (`problem`), and shows that or the API's refusal above the button.
 */
export function BoardForm({
  intent,
  field,
  ids,
  problem,
  label,
  testId,
  submitLabel,
  failure,
  busy,
  editable,
  title,
  note,
  noteId,
  children,
}: {
  intent: string;
  field: string;
  ids: string[];
  problem: string | null;
  label: string;
  testId: string;
  submitLabel: string;
  failure?: ActionFailure;
  busy: boolean;
  editable: boolean;
  /** The board's heading, and a line beside it (help or a summary). */
  title: string;
  note: ReactNode;
  noteId?: string;
  children: ReactNode;
}) {
  const [shown, setShown] = useState<string | null>(null);
  const errors = failure?.intent === intent ? failure : undefined;
  return (
    <Form
      method="post"
      className="flex flex-col gap-4 rounded-2xl bg-slate-900 p-4 text-white sm:p-6"
      data-testid={testId}
      aria-label={label}
      onSubmit={(e) => {
        setShown(problem);
        if (problem) e.preventDefault();
      }}
      onChange={() => setShown(null)}
    >
      <input type="hidden" name="intent" value={intent} />
      {ids.map((id) => (
        <input key={id} type="hidden" name={field} value={id} />
      ))}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">{title}</h3>
        <p id={noteId} className="text-sm text-slate-300">
          {note}
        </p>
      </div>
      {children}
      {shown && problem ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {shown}
        </p>
      ) : null}
      <FormError message={errors?.message} />
      {editable ? (
        <div>
          <Button type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      ) : null}
    </Form>
  );
}
