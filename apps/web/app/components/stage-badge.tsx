import type { Stage } from "@adgen/schemas";
import { STAGE_LABELS } from "../lib/format";

const tones: Record<Stage, string> = {
  created: "bg-slate-100 text-slate-700",
  image_generation: "bg-amber-100 text-amber-800",
  image_selection: "bg-sky-100 text-sky-800",
  clip_generation: "bg-amber-100 text-amber-800",
  clip_selection: "bg-sky-100 text-sky-800",
  final_composition: "bg-amber-100 text-amber-800",
  complete: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-700",
};

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${tones[stage]}`}
      data-stage={stage}
    >
      {STAGE_LABELS[stage]}
    </span>
  );
}
