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
    stream.write(out);
    drawn = rows.size;
  };
  return {
    update(key: string, label: string, event: WatchedEvent) {
      rows.set(key, progressLine(label, event, (stream.columns || 100) - 1));
      draw();
    },
    /** Replaces a row with its final line (done, failed) and keeps it on screen. */
    finish(key: string, line: string) {
      rows.set(key, line);
      draw();
    },
    /** Forgets the rows drawn so far: later output starts below them. */
    release() {
      rows.clear();
      drawn = 0;
    },
  };
}
