/*
 * The ledger owns every money write (DESIGN.md, "The ledger owns money"): reserve before a
 * paid call, then charge it or release the reservation, record failed calls, and commit a
 * finished unit of work with its cost lines (`commitUnit`). Nothing else in the pipeline
 * writes reservations, totals or cost lines; their SQL is in @adgen/db's queries/costs.ts.
 */
export {
  assertWithinBudget,
  callMicros,
  charge,
  paidCall,
  recordFailedCall,
  releaseRun,
  reserve,
  type Billed,
  type CallLine,
} from "./calls";
export { commitUnit, type Unit } from "./commit-unit";
