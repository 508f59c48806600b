import { formatUsd } from "@adgen/schemas";

/** Refusals a user can understand; the API maps each code to a tRPC error code. */
export type PipelineErrorCode =
  "PRECONDITION_FAILED" | "BAD_REQUEST" | "BUDGET_EXCEEDED" | "NOT_FOUND";

export class PipelineError extends Error {
  constructor(
    readonly code: PipelineErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "PipelineError";
  }
}

/** Thrown before a paid call that would pass the session's spending cap. */
export class BudgetExceededError extends PipelineError {
  constructor(spentUsd: number, neededUsd: number, budgetUsd: number) {
    super(
      "BUDGET_EXCEEDED",
      `This would pass the session's ${formatUsd(budgetUsd)} spending cap: ${formatUsd(spentUsd)} spent so far and this step needs about ${formatUsd(neededUsd)}.`,
    );
    this.name = "BudgetExceededError";
  }
}
