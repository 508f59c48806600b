import type { ActionFailure } from "../../lib/api-errors";
import type { GeneratedClip, SessionView } from "../../lib/session-view";
import { viewLabel } from "../../lib/style-keywords";
import { FinishForm } from "./finish-form";
import { StepCard } from "./step-card";

/** Step 3: the saved clip order, finished with a title, call to action, music and format. */
export function FinishStep({
  session,
  canCompose,
  failure,
  busy,
}: {
  session: SessionView;
  canCompose: boolean;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const images = new Map(session.generatedImages.map((i) => [i.id, i]));
  const clips = new Map(session.generatedClips.map((c) => [c.id, c]));
  const ordered = session.clipOrder.flatMap((id) => clips.get(id) ?? []);
  const labelOf = (clip: GeneratedClip) =>
    viewLabel(images.get(clip.sourceImageId ?? "")?.viewType ?? null);
  const first = ordered[0];
  return (
    <StepCard
      step={3}
      title="Finish"
      hint="Name, call to action, music and format. Intro and outro cards are added for you."
      testId="step-finish"
    >
      {canCompose ? (
        <FinishForm
          last={session.lastComposition}
          clips={ordered}
          labelOf={labelOf}
          background={first ? images.get(first.sourceImageId ?? "")?.url : undefined}
          failure={failure}
          busy={busy}
        />
      ) : (
        <p className="text-sm text-slate-600">Your ad is being composed…</p>
      )}
    </StepCard>
  );
}
