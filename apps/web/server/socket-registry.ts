import type { WebSocket } from "ws";

/** Close code sent when the socket's session ends; the client reconnects with fresh credentials. */
export const SESSION_ENDED_CLOSE_CODE = 4001;

interface Counted<K> {
  add: (key: K, ws: WebSocket) => void;
  remove: (key: K, ws: WebSocket) => void;
  count: (key: K) => number;
  sockets: (key: K) => WebSocket[];
}

function countedSets<K>(): Counted<K> {
  const map = new Map<K, Set<WebSocket>>();
  return {
    add: (key, ws) => {
      const set = map.get(key) ?? new Set<WebSocket>();
      set.add(ws);
      map.set(key, set);
    },
    remove: (key, ws) => {
      const set = map.get(key);
      if (!set) return;
      set.delete(ws);
      if (set.size === 0) map.delete(key);
    },
    count: (key) => map.get(key)?.size ?? 0,
    sockets: (key) => [...(map.get(key) ?? [])],
  };
}

/**
 * Who holds which open WebSocket in this process: by client address (counted at upgrade),
 * by user and by auth session (known once the connection's context is resolved). It lets
 * the server bound sockets per user and per address, and close every socket of a session
 * the moment it logs out.
 */
export function createSocketRegistry() {
  const byAddress = countedSets<string>();
  const byUser = countedSets<string>();
  const bySession = countedSets<string>();

  return {
    addressCount: (address: string) => byAddress.count(address),
    userCount: (userId: string) => byUser.count(userId),

    /** Tracks a socket from its upgrade to its close. */
    trackAddress(ws: WebSocket, address: string) {
      byAddress.add(address, ws);
      ws.once("close", () => byAddress.remove(address, ws));
    },

    trackIdentity(ws: WebSocket, identity: { userId: string; sessionId: string }) {
      byUser.add(identity.userId, ws);
      bySession.add(identity.sessionId, ws);
      ws.once("close", () => {
        byUser.remove(identity.userId, ws);
        bySession.remove(identity.sessionId, ws);
      });
    },

    /** Closes the session's sockets: what was authorised by it stops now. */
    endSession(sessionId: string) {
      for (const ws of bySession.sockets(sessionId)) {
        bySession.remove(sessionId, ws);
        ws.close(SESSION_ENDED_CLOSE_CODE, "Session ended");
      }
    },
  };
}

export type SocketRegistry = ReturnType<typeof createSocketRegistry>;
