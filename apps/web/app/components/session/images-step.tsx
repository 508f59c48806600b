import { useState } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import type { SeenEvent } from "../../lib/progress-memory";
import type { SessionView } from "../../lib/session-view";
import { batchSize } from "../../lib/style-keywords";
import { ImageGrid } from "./image-grid";
import { ImageMoodBoard } from "./image-mood-board";
import { PromptForm } from "./prompt-form";
import { StepCard } from "./step-card";

/**
 * Step 1: the prompt, the live grid of the current batch (images of earlier batches stay
 * selectable below it), the selection count and the mood board.
 */
export function ImagesStep({
  session,
  running,
  events,
  canGenerate,
  canApprove,
  failure,
  busy,
}: {
  session: SessionView;
  running: boolean;
  events: SeenEvent[];
  canGenerate: boolean;
  canApprove: boolean;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const images = session.generatedImages;
  // One batch shares one consistency seed: that is how the page tells the newest set apart.
  const current = images.filter(
    (i) => session.consistencySeed === null || i.seed === session.consistencySeed,
  );
  const earlier = images.filter((i) => !current.includes(i));
  const [selected, setSelected] = useState(() => new Set(session.approvedImageIds));
  const toggle = (id: string) =>
    setSelected((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const expected = running ? (batchSize(events.at(-1)?.event.message) ?? 6) : current.length;
  const placeholders = running ? Math.max(0, expected - current.length) : 0;
  const chosen = images.filter((i) => selected.has(i.id));

  return (
    <StepCard
      step={1}
      title="Product images"
      hint="Every image shows this same product. Select the shots for your mood board."
      testId="step-images"
    >
      <div className="flex flex-col gap-6">
        {canGenerate ? (
          <PromptForm
            defaultPrompt={session.productPrompt}
            defaultStyles={session.styleKeywords}
            failure={failure}
            busy={busy}
            regenerate={images.length > 0}
          />
        ) : null}
        {current.length > 0 || running ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700" data-testid="selection-count">
              Selected: {chosen.length} of {current.length + earlier.length}
            </p>
            <ImageGrid
              images={current}
              placeholders={placeholders}
              selected={selected}
              onToggle={toggle}
              editable={canApprove}
            />
            {earlier.length > 0 ? (
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600">
                  Earlier images ({earlier.length})
                </summary>
                <div className="mt-3">
                  <ImageGrid
                    images={earlier}
                    placeholders={0}
                    selected={selected}
                    onToggle={toggle}
                    editable={canApprove}
                  />
                </div>
              </details>
            ) : null}
          </div>
        ) : null}
        {images.length > 0 && !running ? (
          <ImageMoodBoard
            images={chosen}
            productPrompt={session.productPrompt}
            createdAt={session.createdAt}
            totalCost={session.totalCost}
            onRemove={toggle}
            failure={failure}
            busy={busy}
            editable={canApprove}
          />
        ) : null}
      </div>
    </StepCard>
  );
}
