import NodeWebSocket from "ws";

/**
 * Browsers and Node 22+ have a global WebSocket; Node 20 does not, so `ws` stands in. In a
 * browser bundle `ws` resolves to its stub, which is never called because the global exists.
 */
export function webSocketImplementation(): typeof globalThis.WebSocket {
  return (
    (globalThis as { WebSocket?: typeof globalThis.WebSocket }).WebSocket ??
    (NodeWebSocket as unknown as typeof globalThis.WebSocket)
  );
}
