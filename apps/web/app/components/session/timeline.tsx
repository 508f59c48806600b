import { previewTimeline } from "../../lib/timeline";

/** Intro card, the clips with their crossfades, outro card: each part's length and the total. */
export function Timeline({
  clips,
  introDuration,
  outroDuration,
}: {
  clips: { id: string; duration: number; label: string }[];
  introDuration: number;
  outroDuration: number;
}) {
  const plan = previewTimeline({ clips, introDuration, outroDuration });
  const label = (i: number) =>
    i === 0 ? "Intro" : i === plan.parts.length - 1 ? "Outro" : clips[i - 1]!.label;
  return (
    <figure className="flex flex-col gap-2" data-testid="timeline">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800">Timeline</span>
        <span className="text-slate-600">
          {plan.transitionSec.toFixed(1)} s crossfades · Total{" "}
          <strong className="tabular-nums text-slate-900" data-testid="timeline-total">
            {plan.totalSec.toFixed(1)} s
          </strong>
        </span>
      </figcaption>
      <ol className="flex h-14 w-full overflow-hidden rounded-lg ring-1 ring-slate-200">
        {plan.parts.map((part, i) => (
          <li
            key={part.clipId ?? part.kind}
            style={{ flexGrow: part.duration, flexBasis: 0 }}
            className={`flex min-w-0 flex-col justify-center border-r border-white px-1 text-xs last:border-r-0 ${
              part.kind === "clip" ? "bg-brand-100 text-brand-700" : "bg-slate-800 text-white"
            }`}
            data-testid="timeline-part"
          >
            <span className="truncate font-medium capitalize">{label(i)}</span>
            <span className="tabular-nums">{part.duration.toFixed(1)} s</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
