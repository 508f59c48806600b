import type { Stage } from "@adgen/schemas";
import { probeMedia, withTempDir } from "@adgen/media";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { createClient } from "./harness";

type Client = ReturnType<typeof createClient>["client"];

export interface ReceivedEvent {
  id: number;
  stage: Stage;
  progress: number;
  message: string;
  currentCost: number;
  done?: boolean;
  error?: string;
}

/** Follows a session's progress until a `done` event in one of `stages`; returns what arrived. */
export function followUntil(
  client: Client,
  sessionId: string,
  stages: Stage[],
  options: { lastEventId?: number; timeoutMs?: number } = {},
): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(
        new Error(
          `timed out waiting for ${stages.join("/")}; last: ${JSON.stringify(events.at(-1))}`,
        ),
      );
    }, options.timeoutMs ?? 120_000);
    const sub = client.generation.progress.subscribe(
      { sessionId, lastEventId: options.lastEventId ? String(options.lastEventId) : undefined },
      {
        onData: ({ id, data }) => {
          events.push({ id: Number(id), ...data });
          if (data.done && stages.includes(data.stage)) {
            clearTimeout(timer);
            sub.unsubscribe();
            resolve(events);
          }
        },
        onError: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      },
    );
  });
}

/** Downloads a media URL as the given user and probes it with ffprobe. */
export async function probeUrl(baseUrl: string, url: string, token: string) {
  const res = await fetch(new URL(url, baseUrl), { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  return withTempDir(async (dir) => {
    const file = path.join(dir, "media");
    await writeFile(file, bytes);
    return probeMedia(file);
  });
}
