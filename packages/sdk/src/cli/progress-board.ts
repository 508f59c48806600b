import type { WatchedEvent } from "../watch";

const WIDTH = 24;

/** One line per ad: `label  stage  [█████░░░░]  45 %  message`. */
export function progressLine(label: string, event: WatchedEvent, columns = 100): string {
  const filled = Math.round((event.progress / 100) * WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
  const text = `${label}${event.stage.padEnd(17)} ${bar} ${String(Math.round(event.progress)).padStart(3)} %  ${event.message}`;
  return text.length > columns ? `${text.slice(0, columns - 1)}…` : text;
}

/**
 * Live progress bars on a terminal: one row per ad, redrawn in place (the cursor moves back
 * up over the rows it drew). Plain output never uses this.
 */
export function createProgressBoard(stream: NodeJS.WriteStream) {
  const rows = new Map<string, string>();
  let drawn = 0;
  const draw = () => {
    let out = drawn > 0 ? `\x1b[${drawn}A` : "";
    for (const row of rows.values()) out += `\x1b[2K${row}\n`;
    // Rows that went away: blank their lines, then come back up to below the last row.
    const gone = drawn - rows.size;
    if (gone > 0) out += `${"\x1b[2K\n".repeat(gone)}\x1b[${gone}A`;
    stream.write(out);
    drawn = rows.size;
  };
  return {
    update(key: string, label: string, event: WatchedEvent) {
      rows.set(key, progressLine(label, event, (stream.columns || 100) - 1));
      draw();
    },
    /** Takes an ad's bar away (its result is printed as a line of its own). */
    remove(key: string) {
      if (rows.delete(key)) draw();
    },
    /** Prints a line above the bars (which are redrawn below it). */
    above(print: () => void) {
      if (drawn > 0) stream.write(`\x1b[${drawn}A\x1b[0J`);
      drawn = 0;
      print();
      if (rows.size > 0) draw();
    },
  };
}
