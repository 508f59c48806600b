import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

/*
 * A process is named by its pid and its start time, so a folder named after a process that
 * died is not mistaken for a new process that reuses its pid (a restarted container's
 * worker is often pid 1 again). Linux gives the start time in /proc/<pid>/stat; elsewhere
 * a random tag stands in and only the pid is checked.
 */

/** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot; null without /proc. */
function linuxStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from its end.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

const ownStart = linuxStartTime(process.pid);

/** This process's name: `<pid>-s<start ticks>` on Linux, `<pid>-r<random>` elsewhere. */
export const OWN_PROCESS_NAME = `${process.pid}-${
  ownStart === null ? `r${randomBytes(6).toString("hex")}` : `s${ownStart}`
}`;

/** Whether the process a name of `OWN_PROCESS_NAME`'s form names is still running. */
export function isProcessAlive(name: string): boolean {
  const match = /^(\d+)-([sr])(\w+)$/.exec(name);
  if (!match) return true; // not ours to judge: leave it alone
  const pid = Number(match[1]);
  if (pid === process.pid) return name === OWN_PROCESS_NAME;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the pid lives, under another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  if (match[2] !== "s") return true;
  const start = linuxStartTime(pid);
  return start === null || start === match[3];
}
