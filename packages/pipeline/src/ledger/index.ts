/*
 * The ledger owns every money write (DESIGN.md, "The ledger owns money"): reserve before a
 * paid call, then charge it or release the reservation, record failed calls and paid calls
 * whose output is not kept, and commit a finished unit of work (`commitUnit`) or a plan
 * (`commitPlan`) with its cost lines. Reservations belong to attempts (db's
 * `job_attempts`): an attempt gives back only its own, and a new attempt takes back only
 * what dead attempts held. Nothing else in the pipeline writes reservations, totals or cost
 * lines; their SQL is in @adgen/db's queries/costs.ts.
 */
export {
  assertWithinBudget,
  billingRecorder,
  callMicros,
  markRecorded,
  openCall,
  paidCall,
  reclaimDeadReservations,
  recordFailedCall,
  recordUnkept,
  reserve,
  RunLostError,
  type Billed,
  type CallLine,
  type LedgerDeps,
  type Spender,
} from "./calls";
export { settleInterruptedCalls } from "./settle-interrupted";
export { commitPlan } from "./commit-plan";
export { commitUnit, type Unit } from "./commit-unit";
