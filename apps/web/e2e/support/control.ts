/** The e2e server's control port (serve.ts): hold, release or fail model calls, drop sockets. */
const port = Number(process.env.E2E_PORT ?? 3210) + 1;

async function post(path: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST" });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
  return (await res.json()) as { dropped?: number };
}

export const control = {
  /** Lets `passes` calls of the model through, holds the rest until `release`. */
  hold: (model: "images" | "clips", passes: number) => post(`/hold/${model}/${passes}`),
  release: (model: "images" | "clips") => post(`/release/${model}`),
  fail: (model: "images" | "clips", on: boolean) => post(`/fail/${model}/${on ? "on" : "off"}`),
  /** Closes every WebSocket server-side and refuses new ones for `refuseMs`. */
  dropSockets: async (refuseMs: number) => (await post(`/drop-sockets/${refuseMs}`)).dropped ?? 0,
};
