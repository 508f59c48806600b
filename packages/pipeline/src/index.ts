export { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline";
export { PipelineError, BudgetExceededError, type PipelineErrorCode } from "./errors";
export { createEventBus, type EventBus, type StoredEvent } from "./events";
export { startJobQueue, QUEUES, type QueueTiming } from "./queue";
export { startWorker } from "./worker";
export { jobSettingsFromEnv, readPipelineEnv, type PipelineEnv } from "./env";
export type { PipelineDeps } from "./deps";
