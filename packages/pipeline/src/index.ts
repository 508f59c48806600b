export { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline";
export { PipelineError, BudgetExceededError, type PipelineErrorCode } from "./errors";
export { createEventBus, type EventBus, type StoredEvent } from "./events";
export { startJobQueue, DEAD_LETTER_QUEUE, type QueueTiming } from "./queue";
export { STEPS, JOB_STEPS } from "./steps";
export type { JobStep, ApprovalStep, JobAttempt } from "./step-types";
export { startWorker } from "./worker";
export { jobSettingsFromEnv, readPipelineEnv, type PipelineEnv } from "./env";
export type { PipelineDeps } from "./deps";
export { cancelStep } from "./cancel-step";
export { deleteSession, cancelSessionJobs, findSessionJobs } from "./delete-session";
export {
  runMaintenance,
  MAINTENANCE_DEFAULTS,
  type MaintenanceOptions,
  type MaintenanceReport,
} from "./maintenance/run-maintenance";
