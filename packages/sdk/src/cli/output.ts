import type { WatchedEvent } from "../watch";
import { createProgressBoard } from "./progress-board";

export interface OutputMode {
  json: boolean;
  quiet: boolean;
}

/**
 * Where each kind of output goes. Results go to stdout (one JSON document with --json);
 * progress goes to stderr, as bars on a terminal or as plain lines otherwise, and never
 * with --json or --quiet.
 */
export function createOutput(mode: OutputMode) {
  const tty = Boolean(process.stderr.isTTY);
  const board = tty && !mode.json && !mode.quiet ? createProgressBoard(process.stderr) : null;
  const lastMessage = new Map<string, string>();
  return {
    ...mode,
    tty,
    /** The command's result: a JSON document, or human lines. */
    result(document: unknown, text: string | string[]) {
      if (mode.json) process.stdout.write(`${JSON.stringify(document)}\n`);
      else for (const line of [text].flat()) process.stdout.write(`${line}\n`);
    },
    /** One record of a stream (watch, batch): a JSON line, or a human line. */
    record(document: unknown, text: string) {
      const print = () => process.stdout.write(`${mode.json ? JSON.stringify(document) : text}\n`);
      if (board) board.above(print);
      else print();
    },
    progress(key: string, label: string, event: WatchedEvent) {
      if (mode.json || mode.quiet) return;
      if (board) return board.update(key, label, event);
      const line = `${label}[${String(Math.round(event.progress)).padStart(3)} %] ${event.stage}: ${event.message}`;
      if (lastMessage.get(key) === line) return;
      lastMessage.set(key, line);
      process.stderr.write(`${line}\n`);
    },
    /** Ends an ad's progress: its bar goes away; its result is printed on its own. */
    progressEnd(key: string) {
      board?.remove(key);
    },
    /** A remark for people (stderr), silent with --json or --quiet. */
    note(text: string) {
      if (!mode.json && !mode.quiet) process.stderr.write(`${text}\n`);
    },
  };
}
export type Output = ReturnType<typeof createOutput>;
