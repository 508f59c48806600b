import { formatUsd } from "../../lib/format";
import type { GeneratedImage } from "../../lib/session-view";
import { viewLabel } from "../../lib/style-keywords";
import { PlaceholderTiles } from "./placeholder-tiles";

/**
 * The batch as it arrives: stored images at once, placeholders for the rest. Each image
 * can be selected for the mood board.
 */
export function ImageGrid({
  images,
  placeholders,
  selected,
  onToggle,
  editable,
}: {
  images: GeneratedImage[];
  placeholders: number;
  selected: Set<string>;
  onToggle: (id: string) => void;
  editable: boolean;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="image-grid">
      {images.map((image) => {
        const on = selected.has(image.id);
        const label = viewLabel(image.viewType);
        return (
          <li key={image.id} data-testid="image-tile">
            <label
              className={`group relative block cursor-pointer overflow-hidden rounded-xl ring-2 transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                on ? "ring-brand-600" : "ring-transparent hover:ring-slate-300"
              }`}
            >
              <input
                type="checkbox"
                checked={on}
                onChange={() => onToggle(image.id)}
                disabled={!editable}
                className="sr-only"
                aria-label={`Approve the ${label} view`}
              />
              <img
                src={image.url}
                alt={`${label} view`}
                className="aspect-square w-full bg-slate-100 object-cover"
              />
              <span className="absolute left-2 top-2 rounded-full bg-black/70 px-2 py-0.5 text-xs capitalize text-white">
                {label}
              </span>
              <span className="absolute bottom-2 left-2 rounded-full bg-black/70 px-2 py-0.5 text-xs tabular-nums text-white">
                {formatUsd(image.cost)}
              </span>
              <span
                className={`absolute right-2 top-2 flex h-7 w-7 items-center justify-center rounded-full text-sm font-bold ${
                  on ? "bg-brand-600 text-white" : "bg-white/90 text-slate-500"
                }`}
                aria-hidden="true"
              >
                ✓
              </span>
            </label>
          </li>
        );
      })}
      <PlaceholderTiles count={placeholders} label="Rendering…" testId="image-placeholder" />
    </ul>
  );
}
