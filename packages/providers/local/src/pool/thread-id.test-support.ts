import { threadId } from "node:worker_threads";

/** A pool task that tells which thread ran it. */
export const currentThreadId = () => threadId;
