import type { ActionFailure } from "../../lib/api-errors";
import { formatDate, formatUsd } from "../../lib/format";
import type { GeneratedImage } from "../../lib/session-view";
import { viewLabel } from "../../lib/style-keywords";
import { BoardForm } from "./board-form";

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
  return (
    <BoardForm
      intent="saveApprovedImages"
      field="imageId"
      ids={images.map((i) => i.id)}
      problem={images.length < 2 ? "Approve at least 2 images for the mood board." : null}
      label="Mood board"
      testId="image-mood-board"
      submitLabel="Continue to video"
      failure={failure}
      busy={busy}
      editable={editable}
      title="Mood board"
      note={
        <>
          {productPrompt} · {formatDate(createdAt)} ·{" "}
          <span className="tabular-nums">{formatUsd(totalCost)} so far</span>
        </>
      }
    >
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
                  onClick={() => onRemove(image.id)}
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
    </BoardForm>
  );
}
