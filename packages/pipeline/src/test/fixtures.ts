import { findSessionById, insertSession, insertUser, type SessionRow } from "@adgen/db";
import type { TestDatabase } from "@adgen/db/testing";
import { usdToMicros, type ComposeFinalVideoInput } from "@adgen/schemas";
import type { StoredEvent } from "../events";
import type { Pipeline } from "../pipeline";

/** Test fixtures shared by the pipeline's own harness and the provider flow harnesses. */
export interface SessionFixtures {
  newSession: (budgetUsd?: number) => Promise<SessionRow>;
  reload: (sessionId: string) => Promise<SessionRow>;
}

/** A fresh user with one session, and a re-read that fails loudly when the row is gone. */
export function sessionFixtures(db: TestDatabase["conn"]["db"]): SessionFixtures {
  return {
    newSession: async (budgetUsd = 10) => {
      const userId = `u-${Math.random().toString(36).slice(2)}`;
      await insertUser(db, { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
      return insertSession(db, { userId, budgetMicros: usdToMicros(budgetUsd) });
    },
    reload: async (sessionId) => {
      const session = await findSessionById(db, sessionId);
      if (!session) throw new Error(`session ${sessionId} is gone`);
      return session;
    },
  };
}

/** The session's events after `after`, up to the first `done` one; a hang past `hangMs` throws. */
export async function followUntilDone(
  pipeline: Pipeline,
  sessionId: string,
  after: number,
  hangMs: number,
): Promise<StoredEvent[]> {
  const controller = new AbortController();
  const events: StoredEvent[] = [];
  const timer = setTimeout(() => controller.abort(), hangMs);
  try {
    for await (const item of pipeline.events.follow(sessionId, {
      lastEventId: after,
      signal: controller.signal,
    })) {
      events.push(item);
      if (item.event.done) return events;
    }
    throw new Error(`no done event in ${hangMs} ms; last: ${JSON.stringify(events.at(-1))}`);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** A final ad with cards, an overlay and a music bed, as the compose tests request it. */
export function composeRequest(sessionId: string, productName: string): ComposeFinalVideoInput {
  return {
    sessionId,
    textOverlay: { productName, cta: "Shop now", font: "montserrat", color: "#FFFFFF" },
    audio: { enabled: true, genre: "chill" },
    introDuration: 1,
    outroDuration: 1,
    aspectRatio: "16:9",
  };
}
