import type { StoredEvent } from "./events";

/** One subscriber of a session's feed. */
export interface Follower {
  push(event: StoredEvent): void;
  /** The bus is closing: stop following. */
  end(): void;
}

interface Feed {
  followers: Set<Follower>;
  /** The last sequence this feed has handed out; null until a follower has read the backlog. */
  cursor: number | null;
  reading: boolean;
  /** Woken while reading (or before the cursor was known): read again. */
  again: boolean;
  ended: boolean;
}

type ReadAfter = (
  sessionId: string,
  afterSeq: number,
) => Promise<{ seq: number; payload: StoredEvent["event"] }[]>;

const RETRY_AFTER_ERROR_MS = 1_000;

/**
 * One reader per followed session in this process. A wake-up makes it read what is new
 * once and hand every event to all of the session's followers; a second wake-up during a
 * read makes it read again, never twice at once. A feed exists only while it has
 * followers, and holds no timer or query while idle.
 *
 * The reader may lag behind a follower that has just read the backlog (or jump ahead of
 * it); followers skip what they have and fill a gap from the log themselves, so the feed
 * never needs to be exact, only cheap.
 */
export function createSessionFeeds(readAfter: ReadAfter, pageSize: number) {
  const feeds = new Map<string, Feed>();
  let closed = false;

  async function read(sessionId: string, feed: Feed) {
    if (feed.reading || feed.cursor === null) {
      feed.again = true;
      return;
    }
    feed.reading = true;
    try {
      do {
        feed.again = false;
        const rows = await readAfter(sessionId, feed.cursor);
        for (const row of rows) {
          if (row.seq <= feed.cursor) continue;
          feed.cursor = row.seq;
          const event = { id: row.seq, event: row.payload };
          for (const follower of feed.followers) follower.push(event);
        }
        if (rows.length === pageSize) feed.again = true;
      } while (feed.again && isLive(sessionId, feed));
    } catch (error) {
      console.error(`[events] reading session ${sessionId} failed:`, error);
      setTimeout(() => wake(sessionId), RETRY_AFTER_ERROR_MS).unref();
    } finally {
      feed.reading = false;
    }
  }

  const isLive = (sessionId: string, feed: Feed) => !closed && feeds.get(sessionId) === feed;

  /** Something was published; `seq`, when known, lets a feed that already has it skip the read. */
  function wake(sessionId: string, seq?: number) {
    const feed = feeds.get(sessionId);
    if (!feed) return;
    if (seq !== undefined && feed.cursor !== null && !feed.reading && seq <= feed.cursor) return;
    void read(sessionId, feed);
  }

  return {
    wake,
    wakeAll: () => {
      for (const sessionId of feeds.keys()) wake(sessionId);
    },
    /** An event this process has just written: handed out at once if it is the next one. */
    deliver(sessionId: string, event: StoredEvent) {
      const feed = feeds.get(sessionId);
      if (!feed) return;
      if (feed.reading || feed.cursor !== event.id - 1) return void read(sessionId, feed);
      feed.cursor = event.id;
      for (const follower of feed.followers) follower.push(event);
    },
    join(sessionId: string, follower: Follower) {
      let feed = feeds.get(sessionId);
      if (!feed) {
        feed = { followers: new Set(), cursor: null, reading: false, again: false, ended: false };
        feeds.set(sessionId, feed);
      }
      feed.followers.add(follower);
      const joined = feed;
      return {
        get ended() {
          return joined.ended;
        },
        /** The follower has read the log up to `seq`: the reader can start from there. */
        settle(seq: number) {
          if (joined.cursor !== null) return;
          joined.cursor = seq;
          if (joined.again && isLive(sessionId, joined)) void read(sessionId, joined);
        },
      };
    },
    leave(sessionId: string, follower: Follower) {
      const feed = feeds.get(sessionId);
      if (!feed) return;
      feed.followers.delete(follower);
      if (feed.followers.size === 0) feeds.delete(sessionId);
    },
    followerCount: () => {
      let count = 0;
      for (const feed of feeds.values()) count += feed.followers.size;
      return count;
    },
    endAll() {
      closed = true;
      for (const feed of feeds.values()) {
        feed.ended = true;
        for (const follower of feed.followers) follower.end();
      }
      feeds.clear();
    },
  };
}
