import { formatUsd } from "../../lib/format";
import type { SessionView } from "../../lib/session-view";
import type { StepId } from "../../lib/steps";
import { StepSummary } from "./step-summary";

/** One line per finished step: what was decided there. */
export function StepSummaryFor({ step, session }: { step: StepId; session: SessionView }) {
  const approved = session.generatedImages.filter((i) => i.approved);
  switch (step) {
    case "images":
      return (
        <StepSummary number={1} title="Product images" step="images">
          <span className="flex -space-x-2">
            {approved.slice(0, 4).map((image) => (
              <img
                key={image.id}
                src={image.url}
                alt=""
                className="h-8 w-8 rounded-full object-cover ring-2 ring-white"
              />
            ))}
          </span>
          <span className="truncate">
            {approved.length} of {session.generatedImages.length} images on the mood board
          </span>
        </StepSummary>
      );
    case "clips":
      return (
        <StepSummary number={2} title="Video clips" step="clips">
          <span className="truncate">
            {session.clipOrder.length
              ? `${session.clipOrder.length} clips in order`
              : `${session.generatedClips.length} clips made`}
          </span>
        </StepSummary>
      );
    case "finish": {
      const last = session.lastComposition;
      return (
        <StepSummary number={3} title="Finish" step="finish">
          <span className="truncate">
            {last
              ? `“${last.textOverlay.productName}” · ${last.textOverlay.cta} · ${last.aspectRatio}`
              : "Not composed yet"}
          </span>
        </StepSummary>
      );
    }
    case "result":
      return (
        <StepSummary number={4} title="Result" step="result">
          <span className="truncate">
            {session.finalVideo?.duration?.toFixed(1)} s video · {formatUsd(session.totalCost)}
          </span>
        </StepSummary>
      );
  }
}
