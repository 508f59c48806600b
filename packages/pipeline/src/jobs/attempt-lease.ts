import { touchRunAttempt } from "@adgen/db";
import type { PipelineDeps } from "../deps";
import type { RunningAttempt } from "../step-types";

/**
 * Keeps a running attempt's lease fresh four times a heartbeat (so its reservations are
 * not taken back while it lives) and asks each time whether it still owns its run: when it
 * does not (a newer attempt took over, the run was cancelled or replaced, the session
 * deleted by another process), the attempt's signal aborts its model calls and it stops.
 */
export function keepAttemptAlive(
  deps: Pick<PipelineDeps, "db">,
  attempt: RunningAttempt,
): { stop: () => void } {
  const stage = attempt.flow.running;
  let busy = false;
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      touchRunAttempt(deps.db, { ...attempt, stage })
        .then((owns) => {
          if (!owns) attempt.lose();
        })
        // A beat that could not run says nothing about the run: the next one asks again.
        .catch(() => undefined)
        .finally(() => (busy = false));
    },
    (attempt.heartbeatSeconds * 1000) / 4,
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
