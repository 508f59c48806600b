import type { Provider } from "@adgen/agents";
import { deleteExpiredThrottleRows, pruneSessionEvents, type Database } from "@adgen/db";
import { sweepDeadWorkDirs } from "@adgen/media";
import type { Storage } from "@adgen/storage";
import { settleInterruptedCalls } from "../ledger/settle-interrupted";
import { deleteOrphanObjects } from "./orphan-objects";

export interface MaintenanceOptions {
  /** How often each process sweeps (it also sweeps once at start). */
  intervalMs?: number;
  /** A stored file without a row is removed once it is this old. */
  orphanGraceMs?: number;
  /** Progress events older than this are pruned (each session keeps its newest). */
  eventRetentionMs?: number;
}

export const MAINTENANCE_DEFAULTS = {
  intervalMs: 10 * 60_000,
  // Far longer than any commit takes between storing a file and inserting its row.
  orphanGraceMs: 60 * 60_000,
  eventRetentionMs: 30 * 86_400_000,
} satisfies Required<MaintenanceOptions>;

export type MaintenanceReport = Awaited<ReturnType<typeof runMaintenance>>;

type Deps = { db: Database; storage: Storage; provider: Provider };

/**
 * One clean-up pass over what crashes and time leave behind: temp folders (and ffmpeg
 * children) of dead processes on this machine, stored files without a row, writes cut
 * short, old progress events and expired log-in throttle rows; and calls cut short whose
 * provider could not yet say what it billed (a prediction still stopping). Every part is idempotent
 * and safe to run from several processes at once; a part that fails is logged and the
 * others still run.
 */
export async function runMaintenance(deps: Deps, options: MaintenanceOptions = {}) {
  const settings = { ...MAINTENANCE_DEFAULTS, ...options };
  const now = Date.now();
  const orphanCutoff = new Date(now - settings.orphanGraceMs);
  const part = async <T>(name: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      console.warn(`[maintenance] ${name} failed:`, error instanceof Error ? error.message : error);
      return fallback;
    }
  };
  const temp = await part("temp sweep", sweepDeadWorkDirs, { removed: [], killed: 0 });
  return {
    tempFolders: temp.removed.length,
    killedChildren: temp.killed,
    orphanObjects: await part("orphan files", () => deleteOrphanObjects(deps, orphanCutoff), []),
    abandonedWrites: await part(
      "abandoned writes",
      () => deps.storage.deleteAbandonedWrites(orphanCutoff),
      0,
    ),
    events: await part(
      "event pruning",
      () => pruneSessionEvents(deps.db, new Date(now - settings.eventRetentionMs)),
      0,
    ),
    settledCalls: await part("settling calls", () => settleInterruptedCalls(deps), 0),
    throttleRows: await part(
      "throttle pruning",
      () => deleteExpiredThrottleRows(deps.db, new Date(now)),
      0,
    ),
  };
}
