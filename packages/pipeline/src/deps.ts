import type { Provider } from "@adgen/agents";
import type { Database } from "@adgen/db";
import type { Storage } from "@adgen/storage";
import type { PgBoss } from "pg-boss";
import type { EventBus } from "./events";

/** What requests and jobs share: built once per process by `createPipeline`. */
export interface PipelineDeps {
  db: Database;
  storage: Storage;
  provider: Provider;
  events: EventBus;
  boss: PgBoss;
  /** Model calls in flight per job (images and clips render in parallel). */
  callConcurrency: number;
}
