import { runBounded } from "../run-bounded";

/** Hooks the pipeline gives a batch agent so each unit of work is checked, skipped or kept on its own. */
export interface UnitHooks<U, R> {
  /** True when the unit was already done (a retried job): it is neither called nor charged again. */
  isDone: (unit: U, index: number) => Promise<boolean>;
  /** Runs just before the paid call (budget check); throwing stops this unit without calling. */
  beforeCall: (unit: U, index: number) => Promise<void>;
  /** Persists a finished unit at once, so a crash after it loses nothing. */
  onSuccess: (unit: U, index: number, result: R) => Promise<void>;
  /** Records a failed unit (its cost line); the batch goes on. */
  onFailure: (unit: U, index: number, error: unknown) => Promise<void>;
}

export interface BatchSummary {
  succeeded: number;
  skipped: number;
  failed: number;
  errors: string[];
  /** The errors themselves, for callers that decide whether retrying could help. */
  causes: unknown[];
}

export class BatchFailedError extends Error {
  constructor(readonly summary: BatchSummary) {
    super(summary.errors[0] ?? "Every item of the batch failed.");
    this.name = "BatchFailedError";
  }
}

/**
 * Runs units in parallel (bounded): one failure does not fail the batch; all failing does.
 * A unit already done counts as a success.
 */
export async function runUnitBatch<U, R>(
  units: readonly U[],
  concurrency: number,
  call: (unit: U, index: number) => Promise<R>,
  hooks: UnitHooks<U, R>,
): Promise<BatchSummary> {
  const summary: BatchSummary = { succeeded: 0, skipped: 0, failed: 0, errors: [], causes: [] };
  await runBounded(units, concurrency, async (unit, index) => {
    if (await hooks.isDone(unit, index)) {
      summary.skipped++;
      return;
    }
    try {
      await hooks.beforeCall(unit, index);
      const result = await call(unit, index);
      await hooks.onSuccess(unit, index, result);
      summary.succeeded++;
    } catch (error) {
      summary.failed++;
      summary.errors.push(error instanceof Error ? error.message : String(error));
      summary.causes.push(error);
      await hooks.onFailure(unit, index, error);
    }
  });
  if (summary.succeeded + summary.skipped === 0 && units.length > 0)
    throw new BatchFailedError(summary);
  return summary;
}
