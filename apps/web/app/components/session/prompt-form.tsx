import { Form } from "@remix-run/react";
import { Button } from "../button";
import { FormError } from "../form-error";
import type { ActionFailure } from "./types";

export function PromptForm({
  defaultPrompt,
  failure,
  busy,
}: {
  defaultPrompt?: string | null;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const errors = failure?.intent === "generateImages" ? failure : undefined;
  return (
    <Form method="post" className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="intent" value="generateImages" />
      <FormError
        message={errors && !Object.keys(errors.fieldErrors).length ? errors.message : null}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="productPrompt" className="text-sm font-medium text-slate-700">
          Describe your product in one line
        </label>
        <textarea
          id="productPrompt"
          name="productPrompt"
          rows={2}
          maxLength={200}
          defaultValue={defaultPrompt ?? ""}
          placeholder="e.g. Matte black insulated water bottle with a bamboo lid"
          className="rounded-lg border border-slate-300 px-3 py-2 shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
          aria-invalid={Boolean(errors?.fieldErrors.productPrompt) || undefined}
        />
        {errors?.fieldErrors.productPrompt ? (
          <p role="alert" className="text-sm text-red-600">
            {errors.fieldErrors.productPrompt.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="numImages" className="text-sm font-medium text-slate-700">
            Images
          </label>
          <select
            id="numImages"
            name="numImages"
            defaultValue="6"
            className="rounded-lg border border-slate-300 px-3 py-2 shadow-sm"
          >
            {[4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="styleKeywords" className="text-sm font-medium text-slate-700">
            Style keywords (optional, comma-separated)
          </label>
          <input
            id="styleKeywords"
            name="styleKeywords"
            placeholder="minimal, luxury, warm light"
            className="rounded-lg border border-slate-300 px-3 py-2 shadow-sm"
          />
          {errors?.fieldErrors.styleKeywords ? (
            <p role="alert" className="text-sm text-red-600">
              {errors.fieldErrors.styleKeywords.join(" ")}
            </p>
          ) : null}
        </div>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Generate images"}
        </Button>
      </div>
    </Form>
  );
}
