export * from "./contracts";
export { runBounded } from "./run-bounded";
export { runUnitBatch, BatchFailedError, type BatchSummary, type UnitHooks } from "./agents/batch";
