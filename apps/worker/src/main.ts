/**
 * The stand-alone job worker (`pnpm worker`): start as many as you like, on any machine
 * that reaches the web servers' PostgreSQL and media storage.
 */
import { runWorkerProcess } from "./worker-process";

runWorkerProcess().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
