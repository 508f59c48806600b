import { formatUsd } from "../../lib/format";
import type { GeneratedClip } from "../../lib/session-view";
import { PlaceholderTiles } from "./placeholder-tiles";

const play = (video: HTMLVideoElement | null) => void video?.play().catch(() => undefined);

/** Clips as they finish; each plays on hover or focus (muted, looping) and can be chosen. */
export function ClipGrid({
  clips,
  labelOf,
  placeholders,
  chosen,
  onToggle,
  editable,
}: {
  clips: GeneratedClip[];
  labelOf: (clip: GeneratedClip) => string;
  placeholders: number;
  chosen: string[];
  onToggle: (id: string) => void;
  editable: boolean;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="clip-grid">
      {clips.map((clip) => {
        const on = chosen.includes(clip.id);
        return (
          <li
            key={clip.id}
            className={`overflow-hidden rounded-xl border bg-white ${
              on ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"
            }`}
            data-testid="clip-tile"
            onMouseEnter={(e) => play(e.currentTarget.querySelector("video"))}
            onMouseLeave={(e) => e.currentTarget.querySelector("video")?.pause()}
            onFocus={(e) => play(e.currentTarget.querySelector("video"))}
            onBlur={(e) => e.currentTarget.querySelector("video")?.pause()}
          >
            <div className="relative">
              <video
                src={clip.url}
                muted
                loop
                playsInline
                preload="metadata"
                aria-label={`${labelOf(clip)} clip`}
                className="aspect-square w-full bg-black object-cover"
              />
              <span className="absolute bottom-2 left-2 rounded-full bg-black/70 px-2 py-0.5 text-xs tabular-nums text-white">
                {clip.duration?.toFixed(1)} s
              </span>
              <span className="absolute bottom-2 right-2 rounded-full bg-black/70 px-2 py-0.5 text-xs tabular-nums text-white">
                {formatUsd(clip.cost)}
              </span>
            </div>
            <label className="flex items-center gap-2 p-2 text-sm">
              <input
                type="checkbox"
                checked={on}
                onChange={() => onToggle(clip.id)}
                disabled={!editable}
                className="h-4 w-4 accent-brand-600"
              />
              Use the {labelOf(clip)} clip
            </label>
          </li>
        );
      })}
      <PlaceholderTiles count={placeholders} label="Animating…" testId="clip-placeholder" />
    </ul>
  );
}
