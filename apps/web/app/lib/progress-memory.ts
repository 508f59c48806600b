import type { ProgressEvent } from "@adgen/schemas";

/** One event as the page keeps it: the durable log's id and what it said. */
export interface SeenEvent {
  id: string;
  event: ProgressEvent;
}

const MAX_KEPT = 30;
const keyOf = (sessionId: string) => `adgen:progress:${sessionId}`;

/**
 * What the page last saw of a session's progress, kept in localStorage so a reload, a new
 * tab or tomorrow's visit resumes after the last event seen instead of replaying from 0.
 */
export function readSeenEvents(sessionId: string): SeenEvent[] {
  try {
    const raw = window.localStorage.getItem(keyOf(sessionId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as SeenEvent[]) : [];
  } catch {
    return [];
  }
}

export function writeSeenEvents(sessionId: string, events: SeenEvent[]) {
  try {
    window.localStorage.setItem(keyOf(sessionId), JSON.stringify(events.slice(-MAX_KEPT)));
  } catch {
    // Storage full or blocked: progress still works, a reload just replays more.
  }
}
