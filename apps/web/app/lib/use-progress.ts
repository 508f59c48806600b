import { useFetchers, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { readSeenEvents, writeSeenEvents, type SeenEvent } from "./progress-memory";
import { browserClient } from "./trpc.client";

export type ConnectionState = "connecting" | "live" | "reconnecting";

/**
 * Follows a session's live progress while `active`, starting after the last event this
 * browser saw. tRPC's wsLink re-sends the last tracked id when the socket comes back, so a
 * dropped connection resumes without losing or repeating events. Each event reloads the
 * page's data, so an image or clip shows the moment it is stored.
 */
export function useProgress(userId: string, sessionId: string, active: boolean) {
  const [events, setEvents] = useState<SeenEvent[]>([]);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  /** Events delivered a second time (never expected; the e2e checks it stays 0). */
  const [repeats, setRepeats] = useState(0);
  // Events mark the data stale; it is reloaded once the previous reload, and any form post
  // or navigation, is done: a reload started then would abort theirs (Remix logs a load
  // aborted mid-response as an error), and theirs reloads the data anyway.
  const [stale, setStale] = useState(0);
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busyFetchers = useFetchers().some((fetcher) => fetcher.state !== "idle");
  useEffect(() => {
    if (stale > 0 && revalidator.state === "idle" && navigation.state === "idle" && !busyFetchers) {
      setStale(0);
      // Typed void, but returns the router's promise: a form post that overtakes the reload
      // aborts it, which is expected and must not surface as an unhandled rejection.
      const reload = revalidator.revalidate() as unknown;
      if (reload instanceof Promise) reload.catch(() => undefined);
    }
  }, [stale, revalidator, navigation.state, busyFetchers]);

  useEffect(() => {
    if (!active) return;
    const seen = readSeenEvents(sessionId);
    setEvents(seen);
    const ids = new Set(seen.map((e) => e.id));
    let connectedOnce = false;
    const sub = browserClient(userId).generation.progress.subscribe(
      { sessionId, lastEventId: seen.at(-1)?.id },
      {
        onStarted: () => {
          connectedOnce = true;
          setConnection("live");
        },
        onConnectionStateChange: (state) => {
          if (state.state === "pending") setConnection("live");
          else if (state.state === "connecting")
            setConnection(connectedOnce ? "reconnecting" : "connecting");
        },
        onData: ({ id, data }) => {
          if (ids.has(id)) {
            // Never expected: resume sends only what came after the last id. Loud, not silent.
            console.warn(`Progress event ${id} arrived twice; ignored.`);
            setRepeats((n) => n + 1);
            return;
          }
          ids.add(id);
          setEvents((current) => {
            const next = [...current, { id, event: data }];
            writeSeenEvents(sessionId, next);
            return next;
          });
          setStale((n) => n + 1);
        },
        onError: () => setConnection("reconnecting"),
      },
    );
    return () => sub.unsubscribe();
  }, [userId, sessionId, active]);

  return {
    events: active ? events : [],
    latest: active ? events.at(-1) : undefined,
    connection,
    repeats,
  };
}
