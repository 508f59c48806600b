import { Form } from "@remix-run/react";
import { useState } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import { formatDate, formatUsd } from "../../lib/format";
import type { GeneratedImage } from "../../lib/session-view";
import { viewLabel } from "../../lib/style-keywords";
import { Button } from "../button";
import { FormError } from "../form-error";

/** The approved shots, large, each removable; saving them moves on to the video clips. */
export function ImageMoodBoard({
  images,
  productPrompt,
  createdAt,
  totalCost,
  onRemove,
  failure,
  busy,
  editable,
}: {
  images: GeneratedImage[];
  productPrompt: string | null;
  createdAt: Date;
  totalCost: number;
  onRemove: (id: string) => void;
  failure?: ActionFailure;
  busy: boolean;
  editable: boolean;
}) {
  const [clientError, setClientError] = useState<string | null>(null);
  const errors = failure?.intent === "saveApprovedImages" ? failure : undefined;
  return (
    <Form
      method="post"
      className="flex flex-col gap-4 rounded-2xl bg-slate-900 p-4 text-white sm:p-6"
      data-testid="image-mood-board"
      aria-label="Mood board"
      onSubmit={(e) => {
        const problem = images.length < 2 ? "Approve at least 2 images for the mood board." : null;
        setClientError(problem);
        if (problem) e.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="saveApprovedImages" />
      {images.map((image) => (
        <input key={image.id} type="hidden" name="imageId" value={image.id} />
      ))}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">Mood board</h3>
        <p className="text-sm text-slate-300">
          {productPrompt} · {formatDate(createdAt)} ·{" "}
          <span className="tabular-nums">{formatUsd(totalCost)} so far</span>
        </p>
      </div>
      {images.length === 0 ? (
        <p className="text-sm text-slate-300">Select the shots you like; they gather here.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3">
          {images.map((image) => (
            <li key={image.id} className="relative overflow-hidden rounded-xl">
              <img
                src={image.url}
                alt={`${viewLabel(image.viewType)} view on the mood board`}
                className="aspect-square w-full object-cover"
              />
              {editable ? (
                <button
                  type="button"
                  onClick={() => {
                    onRemove(image.id);
                    setClientError(null);
                  }}
                  className="absolute right-2 top-2 rounded-full bg-black/70 px-2.5 py-1 text-xs font-medium text-white hover:bg-black"
                  aria-label={`Remove the ${viewLabel(image.viewType)} view from the mood board`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {clientError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {clientError}
        </p>
      ) : null}
      <FormError message={errors?.message} />
      {editable ? (
        <div>
          <Button type="submit" disabled={busy}>
            Continue to video
          </Button>
        </div>
      ) : null}
    </Form>
  );
}
