import { Form } from "@remix-run/react";
import { useState } from "react";
import { Button } from "../button";
import { FormError } from "../form-error";
import type { ActionFailure } from "./types";

interface Image {
  id: string;
  url: string;
  viewType: string | null;
  approved: boolean;
}

/** Click images to approve them (at least 2); the choice is saved with the button. */
export function ImageGrid({
  images,
  failure,
  busy,
  editable,
}: {
  images: Image[];
  failure?: ActionFailure;
  busy: boolean;
  editable: boolean;
}) {
  const [selected, setSelected] = useState(
    () => new Set(images.filter((i) => i.approved).map((i) => i.id)),
  );
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const errors = failure?.intent === "saveApprovedImages" ? failure : undefined;
  const label = (image: Image) => (image.viewType ?? "product").replace("_", " ");
  return (
    <Form method="post" className="flex flex-col gap-4">
      <input type="hidden" name="intent" value="saveApprovedImages" />
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="image-grid">
        {images.map((image) => {
          const on = selected.has(image.id);
          return (
            <li key={image.id}>
              <label
                className={`group relative block cursor-pointer overflow-hidden rounded-xl ring-2 transition ${on ? "ring-brand-600" : "ring-transparent hover:ring-slate-300"}`}
              >
                <input
                  type="checkbox"
                  name="imageId"
                  value={image.id}
                  checked={on}
                  onChange={() => toggle(image.id)}
                  disabled={!editable}
                  className="peer sr-only"
                  aria-label={`Approve the ${label(image)} view`}
                />
                <img
                  src={image.url}
                  alt={`${label(image)} view`}
                  className="aspect-square w-full object-cover"
                  loading="lazy"
                />
                <span className="absolute left-2 top-2 rounded-full bg-black/55 px-2 py-0.5 text-xs capitalize text-white">
                  {label(image)}
                </span>
                <span
                  className={`absolute right-2 top-2 flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold ${on ? "bg-brand-600 text-white" : "bg-white/80 text-slate-400"}`}
                >
                  ✓
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <FormError message={errors?.message} />
      {editable ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy || selected.size < 2}>
            Approve {selected.size} images
          </Button>
          <span className="text-sm text-slate-500">
            {selected.size < 2 ? "Pick at least 2." : "These become your video clips."}
          </span>
        </div>
      ) : null}
    </Form>
  );
}
