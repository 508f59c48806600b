import { Form } from "@remix-run/react";
import { Button } from "../button";
import { FormError } from "../form-error";
import type { ActionFailure } from "./types";

export function ClipForm({
  defaultPrompt,
  failure,
  busy,
}: {
  defaultPrompt?: string | null;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const errors = failure?.intent === "generateClips" ? failure : undefined;
  return (
    <Form method="post" className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="intent" value="generateClips" />
      <FormError
        message={errors && !Object.keys(errors.fieldErrors).length ? errors.message : null}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="videoPrompt" className="text-sm font-medium text-slate-700">
          Describe the scene
        </label>
        <textarea
          id="videoPrompt"
          name="videoPrompt"
          rows={2}
          maxLength={300}
          defaultValue={defaultPrompt ?? ""}
          placeholder="e.g. Slow, elegant camera moves on a marble counter in warm morning light"
          className="rounded-lg border border-slate-300 px-3 py-2 shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
        {errors?.fieldErrors.videoPrompt ? (
          <p role="alert" className="text-sm text-red-600">
            {errors.fieldErrors.videoPrompt.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5 sm:w-48">
        <label htmlFor="clipDuration" className="text-sm font-medium text-slate-700">
          Clip length
        </label>
        <select
          id="clipDuration"
          name="clipDuration"
          defaultValue="3"
          className="rounded-lg border border-slate-300 px-3 py-2 shadow-sm"
        >
          <option value="2">2 seconds</option>
          <option value="3">3 seconds</option>
          <option value="4">4 seconds</option>
        </select>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Generate clips"}
        </Button>
      </div>
    </Form>
  );
}
