import { TRPCClientError, type TRPCClient } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { AdgenError } from "./errors";
import type { AdgenRouter } from "./router";
import { watch } from "./watch";

type Callbacks = {
  onData: (value: { id: string; data: object }) => void;
  onError: (error: unknown) => void;
};
type Script = (input: { lastEventId?: string }, callbacks: Callbacks) => void;

/** A client whose progress subscriptions play the given scripts, one per subscribe. */
function scriptedClient(scripts: Script[]) {
  const inputs: { lastEventId?: string }[] = [];
  const trpc = {
    generation: {
      progress: {
        subscribe(input: { lastEventId?: string }, callbacks: Callbacks) {
          inputs.push(input);
          setTimeout(() => scripts[inputs.length - 1]!(input, callbacks), 0);
          return { unsubscribe: () => {} };
        },
      },
    },
  } as unknown as TRPCClient<AdgenRouter>;
  return { trpc, inputs };
}

const event = (id: number, done = false) => ({
  id: String(id),
  data: { sessionId: "s", stage: "image_generation", progress: id, message: `e${id}`, done },
});
const reset = () =>
  new TRPCClientError("fetch failed", {
    cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }),
  });

describe("watch", () => {
  it("resubscribes after a broken stream from the last id it yielded, skipping a replayed overlap", async () => {
    const { trpc, inputs } = scriptedClient([
      (_, cb) => {
        [1, 2, 3].forEach((id) => cb.onData(event(id)));
        cb.onError(reset());
      },
      (_, cb) => [3, 4, 5].forEach((id) => cb.onData(event(id, id === 5))),
    ]);
    const ids: string[] = [];
    for await (const e of watch(trpc, "s", { lastEventId: "0" })) {
      ids.push(e.id);
      if (e.done) break;
    }
    expect(ids).toEqual(["1", "2", "3", "4", "5"]);
    expect(inputs.map((i) => i.lastEventId)).toEqual(["0", "3"]);
  });

  it("gives up on a refusal at once, naming the ad", async () => {
    const { trpc, inputs } = scriptedClient([
      (_, cb) =>
        cb.onError(
          new TRPCClientError("Please log in to continue.", {
            result: { error: { code: -32001, message: "x", data: { code: "UNAUTHORIZED" } } },
          }),
        ),
    ]);
    const error = await watch(trpc, "s")
      .next()
      .then(
        () => null,
        (e: unknown) => e as AdgenError,
      );
    expect(error).toBeInstanceOf(AdgenError);
    expect([error?.kind, error?.sessionId]).toEqual(["auth", "s"]);
    expect(inputs).toHaveLength(1);
  });
});
