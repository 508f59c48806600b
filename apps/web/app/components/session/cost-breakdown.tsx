import { formatUsd } from "../../lib/format";
import type { CostSummary } from "../../lib/session-view";

const STAGES = [
  { stage: "image_generation", label: "Images" },
  { stage: "clip_generation", label: "Clips" },
  { stage: "final_composition", label: "Composition" },
] as const;

/** Total spent and its split per stage, from the ledger's cost lines. */
export function CostBreakdown({ costs }: { costs: CostSummary }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4" data-testid="costs">
      {STAGES.map(({ stage, label }) => (
        <div key={stage} className="flex flex-col">
          <dt className="text-slate-600">{label}</dt>
          <dd className="tabular-nums" data-testid={`cost-${stage}`}>
            {formatUsd(costs.byStage[stage] ?? 0)}
          </dd>
        </div>
      ))}
      <div className="flex flex-col">
        <dt className="text-slate-600">Total</dt>
        <dd className="font-semibold tabular-nums" data-testid="cost-total">
          {formatUsd(costs.total)}
        </dd>
      </div>
    </dl>
  );
}
