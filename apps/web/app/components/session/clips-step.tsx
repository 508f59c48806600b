import { useState } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import type { SeenEvent } from "../../lib/progress-memory";
import type { GeneratedClip, SessionView } from "../../lib/session-view";
import { batchSize, viewLabel } from "../../lib/style-keywords";
import { ClipForm } from "./clip-form";
import { ClipGrid } from "./clip-grid";
import { ClipMoodBoard } from "./clip-mood-board";
import { StepCard } from "./step-card";

/** The newest clip of each approved image: a regenerated clip replaces its older take. */
function currentClips(session: SessionView): GeneratedClip[] {
  const newest = new Map<string, GeneratedClip>();
  for (const clip of session.generatedClips) {
    const source = clip.sourceImageId ?? clip.id;
    const held = newest.get(source);
    if (!held || new Date(held.createdAt) <= new Date(clip.createdAt)) newest.set(source, clip);
  }
  const order = session.approvedImageIds;
  return [...newest.values()].sort(
    (a, b) => order.indexOf(a.sourceImageId ?? "") - order.indexOf(b.sourceImageId ?? ""),
  );
}

/** Step 2: the scene, the clips as they finish, and their order with a live timeline. */
export function ClipsStep({
  session,
  running,
  events,
  canGenerate,
  canOrder,
  failure,
  busy,
}: {
  session: SessionView;
  running: boolean;
  events: SeenEvent[];
  canGenerate: boolean;
  canOrder: boolean;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const images = new Map(session.generatedImages.map((i) => [i.id, i]));
  const approved = session.approvedImageIds.flatMap((id) => images.get(id) ?? []);
  const clips = currentClips(session);
  const byId = new Map(session.generatedClips.map((c) => [c.id, c]));
  const [order, setOrder] = useState<string[]>(() => {
    const saved = session.clipOrder.filter((id) => byId.has(id));
    return saved.length ? saved : clips.map((c) => c.id);
  });
  // Clips that arrive while the page is open join the order at the end.
  const [known, setKnown] = useState(() => new Set(clips.map((c) => c.id)));
  const arrived = clips.filter((c) => !known.has(c.id));
  if (arrived.length > 0) {
    setKnown(new Set([...known, ...arrived.map((c) => c.id)]));
    if (session.clipOrder.length === 0) setOrder((o) => [...o, ...arrived.map((c) => c.id)]);
  }
  const labelOf = (clip: GeneratedClip) =>
    viewLabel(images.get(clip.sourceImageId ?? "")?.viewType ?? null);
  const toggle = (id: string) =>
    setOrder((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));
  const move = (id: string, to: number) =>
    setOrder((o) => {
      const next = o.filter((x) => x !== id);
      next.splice(to, 0, id);
      return next;
    });
  const expected = running ? (batchSize(events.at(-1)?.event.message) ?? approved.length) : 0;
  const cards = session.lastComposition;

  return (
    <StepCard
      step={2}
      title="Video clips"
      hint="One clip is animated from each approved image."
      testId="step-clips"
    >
      <div className="flex flex-col gap-6">
        <ul className="flex flex-wrap gap-2" aria-label="Approved images">
          {approved.map((image) => (
            <li key={image.id}>
              <img
                src={image.url}
                alt={`${viewLabel(image.viewType)} view (approved)`}
                className="h-14 w-14 rounded-lg object-cover ring-1 ring-slate-200"
              />
            </li>
          ))}
        </ul>
        {canGenerate ? (
          <ClipForm
            defaultPrompt={session.videoPrompt}
            failure={failure}
            busy={busy}
            regenerate={clips.length > 0}
          />
        ) : null}
        {clips.length > 0 || running ? (
          <ClipGrid
            clips={clips}
            labelOf={labelOf}
            placeholders={Math.max(0, expected - clips.length)}
            chosen={order}
            onToggle={toggle}
            editable={canOrder}
          />
        ) : null}
        {clips.length > 0 && !running ? (
          <ClipMoodBoard
            clips={order.flatMap((id) => byId.get(id) ?? [])}
            thumbnailOf={(clip) => images.get(clip.sourceImageId ?? "")?.url}
            labelOf={labelOf}
            onMove={move}
            introDuration={cards?.introDuration ?? 1}
            outroDuration={cards?.outroDuration ?? 1.5}
            failure={failure}
            busy={busy}
            editable={canOrder}
          />
        ) : null}
      </div>
    </StepCard>
  );
}
