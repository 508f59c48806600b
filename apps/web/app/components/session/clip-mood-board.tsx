import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import type { GeneratedClip } from "../../lib/session-view";
import { BoardForm } from "./board-form";
import { Timeline } from "./timeline";

const EARLIER = new Set(["ArrowLeft", "ArrowUp"]);
const LATER = new Set(["ArrowRight", "ArrowDown"]);

/** The item whose centre is nearest the pointer: where a dragged clip lands. */
function nearestIndex(list: HTMLElement, x: number, y: number): number {
  let best = -1;
  let bestDistance = Infinity;
  list.querySelectorAll<HTMLElement>("[data-clip-id]").forEach((item, index) => {
    const r = item.getBoundingClientRect();
    const distance = (x - (r.left + r.width / 2)) ** 2 + (y - (r.top + r.height / 2)) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

/**
 * The chosen clips in the order they will play. Reordered by dragging (mouse, pen, touch:
 * pointer events) or from the keyboard (arrow keys on a focused clip, announced); the
 * timeline below follows every change.
 */
export function ClipMoodBoard({
  clips,
  thumbnailOf,
  labelOf,
  onMove,
  introDuration,
  outroDuration,
  failure,
  busy,
  editable,
}: {
  clips: GeneratedClip[];
  thumbnailOf: (clip: GeneratedClip) => string | undefined;
  labelOf: (clip: GeneratedClip) => string;
  onMove: (id: string, to: number) => void;
  introDuration: number;
  outroDuration: number;
  failure?: ActionFailure;
  busy: boolean;
  editable: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  // A moved element loses focus when React re-inserts it; give it back.
  useEffect(() => {
    if (focusId) list.current?.querySelector<HTMLElement>(`[data-clip-id="${focusId}"]`)?.focus();
  }, [clips, focusId]);

  const announce = (clip: GeneratedClip, to: number) =>
    setAnnouncement(`${labelOf(clip)} clip moved to position ${to + 1} of ${clips.length}.`);

  const moveBy = (clip: GeneratedClip, index: number, e: KeyboardEvent) => {
    const to = EARLIER.has(e.key) ? index - 1 : LATER.has(e.key) ? index + 1 : null;
    if (to === null || !editable) return;
    e.preventDefault();
    if (to < 0 || to >= clips.length) return;
    setFocusId(clip.id);
    onMove(clip.id, to);
    announce(clip, to);
  };

  const dragHandlers = (clip: GeneratedClip, index: number) => ({
    onPointerDown: (e: PointerEvent<HTMLLIElement>) => {
      if (!editable || e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      setDragging(clip.id);
    },
    onPointerMove: (e: PointerEvent<HTMLLIElement>) => {
      if (dragging !== clip.id || !list.current) return;
      const to = nearestIndex(list.current, e.clientX, e.clientY);
      if (to >= 0 && to !== index) onMove(clip.id, to);
    },
    onPointerUp: () => {
      if (dragging !== clip.id) return;
      setDragging(null);
      announce(clip, index);
    },
    onPointerCancel: () => setDragging(null),
  });

  return (
    <BoardForm
      intent="saveApprovedClips"
      field="clipId"
      ids={clips.map((c) => c.id)}
      problem={clips.length < 1 ? "Choose at least 1 clip for the ad." : null}
      label="Clip order"
      testId="clip-mood-board"
      submitLabel="Continue to finish"
      failure={failure}
      busy={busy}
      editable={editable}
      title="Your ad, in order"
      noteId="clip-order-help"
      note="Drag to reorder, or focus a clip and use the arrow keys."
    >
      <ol
        ref={list}
        className="flex flex-wrap gap-3"
        data-testid="clip-order"
        aria-describedby="clip-order-help"
      >
        {clips.map((clip, index) => (
          <li
            key={clip.id}
            data-clip-id={clip.id}
            tabIndex={editable ? 0 : -1}
            aria-roledescription="sortable clip"
            aria-label={`${labelOf(clip)} clip, position ${index + 1} of ${clips.length}, ${clip.duration?.toFixed(1)} seconds`}
            onKeyDown={(e) => moveBy(clip, index, e)}
            onFocus={() => setFocusId(clip.id)}
            onBlur={() => setFocusId((id) => (id === clip.id ? null : id))}
            {...dragHandlers(clip, index)}
            className={`relative w-28 touch-none select-none overflow-hidden rounded-xl bg-slate-800 outline-none ring-2 focus-visible:ring-amber-400 sm:w-36 ${
              dragging === clip.id
                ? "cursor-grabbing opacity-70 ring-brand-500"
                : "cursor-grab ring-transparent"
            }`}
          >
            <img
              src={thumbnailOf(clip)}
              alt=""
              draggable={false}
              className="pointer-events-none aspect-square w-full object-cover"
            />
            <span className="absolute left-1.5 top-1.5 flex h-6 w-6 items-center justify-center rounded-full bg-white text-xs font-bold text-slate-900">
              {index + 1}
            </span>
            <span className="block truncate px-2 py-1 text-xs first-letter:uppercase">
              {labelOf(clip)} · {clip.duration?.toFixed(1)} s
            </span>
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="assertive">
        {announcement}
      </p>
      <div className="rounded-xl bg-white p-3 text-slate-900">
        <Timeline
          clips={clips.map((c) => ({ id: c.id, duration: c.duration ?? 0, label: labelOf(c) }))}
          introDuration={introDuration}
          outroDuration={outroDuration}
        />
      </div>
    </BoardForm>
  );
}
