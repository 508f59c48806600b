/** Browsers always have a WebSocket; the browser build never bundles `ws`. */
export function webSocketImplementation(): typeof globalThis.WebSocket {
  return globalThis.WebSocket;
}
