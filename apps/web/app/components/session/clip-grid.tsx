import { Form } from "@remix-run/react";
import { useState } from "react";
import { Button } from "../button";
import { FormError } from "../form-error";
import type { ActionFailure } from "./types";

interface Clip {
  id: string;
  url: string;
  duration: number | null;
  approved: boolean;
}

/** Approve clips and put them in order; the order posted is the order shown. */
export function ClipGrid({
  clips,
  clipOrder,
  failure,
  busy,
  editable,
}: {
  clips: Clip[];
  clipOrder: string[];
  failure?: ActionFailure;
  busy: boolean;
  editable: boolean;
}) {
  const byId = new Map(clips.map((c) => [c.id, c]));
  const [order, setOrder] = useState<string[]>(() => {
    const saved = clipOrder.filter((id) => byId.has(id));
    return saved.length ? saved : clips.filter((c) => c.approved).map((c) => c.id);
  });
  const toggle = (id: string) =>
    setOrder((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));
  const move = (id: string, by: -1 | 1) =>
    setOrder((o) => {
      const i = o.indexOf(id);
      const j = i + by;
      if (i < 0 || j < 0 || j >= o.length) return o;
      const next = [...o];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const errors = failure?.intent === "saveApprovedClips" ? failure : undefined;
  return (
    <Form method="post" className="flex flex-col gap-4">
      <input type="hidden" name="intent" value="saveApprovedClips" />
      {order.map((id) => (
        <input key={id} type="hidden" name="clipId" value={id} />
      ))}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="clip-grid">
        {clips.map((clip) => {
          const position = order.indexOf(clip.id);
          const on = position >= 0;
          return (
            <li
              key={clip.id}
              className={`overflow-hidden rounded-xl border bg-white ${on ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}
            >
              <video
                src={clip.url}
                controls
                loop
                muted
                playsInline
                preload="metadata"
                className="aspect-square w-full bg-black object-cover"
              />
              <div className="flex items-center justify-between gap-2 p-3 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => toggle(clip.id)}
                    disabled={!editable}
                    aria-label="Use this clip"
                  />
                  {on ? (
                    <span className="font-medium">#{position + 1}</span>
                  ) : (
                    <span className="text-slate-500">Not used</span>
                  )}
                  <span className="text-slate-400">{clip.duration?.toFixed(1)} s</span>
                </label>
                {on && editable ? (
                  <span className="flex gap-1">
                    <button
                      type="button"
                      onClick={() => move(clip.id, -1)}
                      disabled={position === 0}
                      className="rounded px-2 py-1 ring-1 ring-slate-200 disabled:opacity-40"
                      aria-label="Move earlier"
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      onClick={() => move(clip.id, 1)}
                      disabled={position === order.length - 1}
                      className="rounded px-2 py-1 ring-1 ring-slate-200 disabled:opacity-40"
                      aria-label="Move later"
                    >
                      →
                    </button>
                  </span>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <FormError message={errors?.message} />
      {editable ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy || order.length < 1}>
            Save {order.length} clips in this order
          </Button>
        </div>
      ) : null}
    </Form>
  );
}
