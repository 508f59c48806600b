import type { ProgressEvent } from "@adgen/schemas";
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { browserClient } from "./trpc.client";

/**
 * Follows a session's live progress while `active`. When a step finishes, the page's data
 * is reloaded so the new images or clips appear. Reconnects resume from the last event id.
 */
export function useProgress(userId: string, sessionId: string, active: boolean) {
  const [latest, setLatest] = useState<ProgressEvent | null>(null);
  const [connected, setConnected] = useState(false);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useEffect(() => {
    if (!active) return;
    let seenLive = false;
    const sub = browserClient(userId).generation.progress.subscribe(
      { sessionId },
      {
        onStarted: () => setConnected(true),
        onData: ({ data }) => {
          setLatest(data);
          // Replayed history also contains old "done" events; act only on ones after the step began.
          if (!data.done) seenLive = true;
          if (data.done && seenLive) revalidate.current();
        },
        onError: () => setConnected(false),
        onStopped: () => setConnected(false),
      },
    );
    return () => sub.unsubscribe();
  }, [userId, sessionId, active]);

  return { latest: active ? latest : null, connected };
}
