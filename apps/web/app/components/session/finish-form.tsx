import type { RouterOutputs } from "@adgen/api";
import { ASPECT_RATIOS, MUSIC_GENRES, OVERLAY_FONTS } from "@adgen/schemas";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { Button } from "../button";
import { Field } from "../field";
import { FormError } from "../form-error";
import type { ActionFailure } from "./types";

/** The composition the form starts from: the last one asked for, or none yet. */
export type LastComposition = RouterOutputs["sessions"]["get"]["lastComposition"];

const FORMAT_LABELS: Record<string, string> = {
  "16:9": "16:9 landscape",
  "9:16": "9:16 vertical",
  "1:1": "1:1 square",
};
const FONT_LABELS: Record<string, string> = {
  montserrat: "Montserrat",
  poppins: "Poppins",
  "bebas-neue": "Bebas Neue",
  anton: "Anton",
};

/** Product name, call to action, look and sound of the final ad. */
export function FinishForm({
  last,
  failure,
  busy,
}: {
  last: LastComposition;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const errors = failure?.intent === "composeFinalVideo" ? failure : undefined;
  const fieldErrors = errors?.fieldErrors ?? {};
  const [music, setMusic] = useState(last?.audio.enabled ?? false);
  const select = "rounded-lg border border-slate-300 bg-white px-3 py-2 shadow-sm";
  return (
    <Form method="post" className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="intent" value="composeFinalVideo" />
      <FormError message={errors && !Object.keys(fieldErrors).length ? errors.message : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Product name"
          name="productName"
          maxLength={50}
          defaultValue={last?.textOverlay.productName}
          errors={fieldErrors["textOverlay.productName"]}
          placeholder="AeroFlask"
        />
        <Field
          label="Call to action"
          name="cta"
          maxLength={30}
          defaultValue={last?.textOverlay.cta}
          errors={fieldErrors["textOverlay.cta"]}
          placeholder="Shop now"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-700">
          Font
          <select
            name="font"
            defaultValue={last?.textOverlay.font ?? "montserrat"}
            className={select}
          >
            {OVERLAY_FONTS.map((f) => (
              <option key={f} value={f}>
                {FONT_LABELS[f] ?? f}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-700">
          Text colour
          <input
            type="color"
            name="color"
            defaultValue={last?.textOverlay.color ?? "#FFFFFF"}
            className="h-10 w-full rounded-lg border border-slate-300 bg-white px-1"
          />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-700">
          Format
          <select name="aspectRatio" defaultValue={last?.aspectRatio ?? "16:9"} className={select}>
            {ASPECT_RATIOS.map((r) => (
              <option key={r} value={r}>
                {FORMAT_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-col gap-1.5 text-sm font-medium text-slate-700">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="music"
              checked={music}
              onChange={(e) => setMusic(e.target.checked)}
            />{" "}
            Music
          </label>
          <select
            name="genre"
            defaultValue={last?.audio.genre ?? "upbeat"}
            disabled={!music}
            className={`${select} disabled:opacity-50`}
            aria-label="Music genre"
          >
            {MUSIC_GENRES.map((g) => (
              <option key={g} value={g}>
                {g[0]!.toUpperCase() + g.slice(1)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <input type="hidden" name="introDuration" value={last?.introDuration ?? 1} />
      <input type="hidden" name="outroDuration" value={last?.outroDuration ?? 1.5} />
      {Object.entries(fieldErrors)
        .filter(
          ([key]) =>
            !key.startsWith("textOverlay.productName") && !key.startsWith("textOverlay.cta"),
        )
        .map(([key, messages]) => (
          <p key={key} role="alert" className="text-sm text-red-600">
            {messages.join(" ")}
          </p>
        ))}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Make my video"}
        </Button>
      </div>
    </Form>
  );
}
