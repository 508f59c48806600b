import { maintenanceSettingsFromEnv } from "./env";
import {
  MAINTENANCE_DEFAULTS,
  runMaintenance,
  type MaintenanceOptions,
  type MaintenanceReport,
} from "./run-maintenance";

export interface MaintenanceHandle {
  /** Runs a pass now (after the one in progress, if any). */
  runNow: (options?: MaintenanceOptions) => Promise<MaintenanceReport>;
  /** Stops the timer and waits for a pass in progress. */
  stop: () => Promise<void>;
}

/**
 * Sweeps once at start (in the background: start-up does not wait for it) and then every
 * `intervalMs`. Each web server and worker runs its own, so temp folders are swept on every
 * machine that has them.
 */
export function startMaintenance(
  deps: Parameters<typeof runMaintenance>[0],
  options: MaintenanceOptions = {},
): MaintenanceHandle {
  // Code's options win over the environment's, which win over the defaults.
  options = { ...maintenanceSettingsFromEnv(), ...options };
  let running: Promise<unknown> = Promise.resolve();
  const runNow = (overrides?: MaintenanceOptions) => {
    const pass = running.then(() => runMaintenance(deps, { ...options, ...overrides }));
    running = pass.then(report, () => undefined);
    return pass;
  };
  const timer = setInterval(
    () => void runNow(),
    options.intervalMs ?? MAINTENANCE_DEFAULTS.intervalMs,
  );
  timer.unref();
  void runNow();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

function report(result: MaintenanceReport) {
  const found = [
    result.tempFolders && `${result.tempFolders} temp folders of dead processes`,
    result.killedChildren && `${result.killedChildren} leftover ffmpeg processes`,
    result.orphanObjects.length && `${result.orphanObjects.length} files without a row`,
    result.abandonedWrites && `${result.abandonedWrites} cut-short writes`,
  ].filter(Boolean);
  if (found.length > 0) console.log(`[maintenance] removed ${found.join(", ")}`);
}
