import { ASPECT_RATIOS, MUSIC_GENRES, OVERLAY_FONTS, type AspectRatio } from "@adgen/schemas";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import { COLOR_SWATCHES, FONT_FACES } from "../../lib/overlay-fonts";
import type { GeneratedClip, LastComposition } from "../../lib/session-view";
import { Button } from "../button";
import { CountedText } from "../counted-text";
import { FramePreview } from "./frame-preview";
import { Timeline } from "./timeline";
import { ChipChoice } from "./chip-choice";

const FORMAT_LABELS: Record<AspectRatio, string> = {
  "16:9": "16:9 landscape",
  "9:16": "9:16 vertical",
  "1:1": "1:1 square",
};
const chip =
  "inline-flex items-center rounded-lg px-3 py-2 text-sm ring-1 ring-slate-300 peer-checked:ring-2 peer-checked:ring-brand-600 peer-checked:bg-brand-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600";

/** Step 3: title, call to action, look, sound and format, previewed as they are chosen. */
export function FinishForm({
  last,
  clips,
  labelOf,
  background,
  failure,
  busy,
}: {
  last: LastComposition;
  clips: GeneratedClip[];
  labelOf: (clip: GeneratedClip) => string;
  background?: string;
  failure?: ActionFailure;
  busy: boolean;
}) {
  const errors = failure?.intent === "composeFinalVideo" ? failure : undefined;
  const fieldErrors = errors?.fieldErrors ?? {};
  const [name, setName] = useState(last?.textOverlay.productName ?? "");
  const [cta, setCta] = useState(last?.textOverlay.cta ?? "");
  const [font, setFont] = useState(last?.textOverlay.font ?? "montserrat");
  const [color, setColor] = useState(last?.textOverlay.color ?? "#FFFFFF");
  const [music, setMusic] = useState(last?.audio.enabled ?? false);
  const [format, setFormat] = useState<AspectRatio>(last?.aspectRatio ?? "16:9");
  const [intro, setIntro] = useState(last?.introDuration ?? 1);
  const [outro, setOutro] = useState(last?.outroDuration ?? 1.5);
  const shown = new Set(["textOverlay.productName", "textOverlay.cta"]);

  return (
    <Form method="post" className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="intent" value="composeFinalVideo" />
      <div className="grid gap-4 sm:grid-cols-2">
        <CountedText
          singleLine
          label="Product name"
          name="productName"
          max={50}
          defaultValue={name}
          onValueChange={setName}
          errors={fieldErrors["textOverlay.productName"]}
          placeholder="AeroFlask"
        />
        <CountedText
          singleLine
          label="Call to action"
          name="cta"
          max={30}
          defaultValue={cta}
          onValueChange={setCta}
          errors={fieldErrors["textOverlay.cta"]}
          placeholder="Shop now"
        />
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Font</legend>
        <div className="flex flex-wrap gap-2">
          {OVERLAY_FONTS.map((f) => (
            <ChipChoice
              key={f}
              type="radio"
              name="font"
              value={f}
              checked={font === f}
              onChange={() => setFont(f)}
              chipClassName={`${chip} text-base`}
              chipStyle={{ fontFamily: FONT_FACES[f].family }}
            >
              {FONT_FACES[f].label}
            </ChipChoice>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Text colour</legend>
        <div className="flex flex-wrap items-center gap-2">
          {COLOR_SWATCHES.map((swatch) => (
            <button
              key={swatch}
              type="button"
              onClick={() => setColor(swatch)}
              aria-label={`Colour ${swatch}`}
              aria-pressed={color.toUpperCase() === swatch}
              className={`h-8 w-8 rounded-full ring-1 ring-slate-300 ${
                color.toUpperCase() === swatch ? "ring-2 ring-brand-600 ring-offset-2" : ""
              }`}
              style={{ backgroundColor: swatch }}
            />
          ))}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="color"
              name="color"
              value={color.toLowerCase()}
              onChange={(e) => setColor(e.target.value.toUpperCase())}
              className="h-8 w-12 rounded border border-slate-300 bg-white"
            />
            Custom colour
          </label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Music</legend>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="music"
                checked={music}
                onChange={(e) => setMusic(e.target.checked)}
                className="h-4 w-4 accent-brand-600"
              />
              Music
            </label>
            <select
              name="genre"
              defaultValue={last?.audio.genre ?? "upbeat"}
              disabled={!music}
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm disabled:opacity-50"
              aria-label="Music genre"
            >
              {MUSIC_GENRES.map((g) => (
                <option key={g} value={g}>
                  {g[0]!.toUpperCase() + g.slice(1)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <CardLength
            label="Intro card (s)"
            name="introDuration"
            value={intro}
            onChange={setIntro}
          />
          <CardLength
            label="Outro card (s)"
            name="outroDuration"
            value={outro}
            onChange={setOutro}
          />
        </div>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Format</legend>
        <div className="flex flex-wrap gap-2">
          {ASPECT_RATIOS.map((r) => (
            <ChipChoice
              key={r}
              type="radio"
              name="aspectRatio"
              value={r}
              checked={format === r}
              onChange={() => setFormat(r)}
              chipClassName={chip}
            >
              {FORMAT_LABELS[r]}
            </ChipChoice>
          ))}
        </div>
      </fieldset>
      <FramePreview
        aspectRatio={format}
        background={background}
        productName={name}
        cta={cta}
        fontFamily={FONT_FACES[font].family}
        color={color}
      />
      <Timeline
        clips={clips.map((c) => ({ id: c.id, duration: c.duration ?? 0, label: labelOf(c) }))}
        introDuration={intro}
        outroDuration={outro}
      />
      {Object.entries(fieldErrors)
        .filter(([key]) => !shown.has(key))
        .map(([key, messages]) => (
          <p key={key} role="alert" className="text-sm text-red-600">
            {messages.join(" ")}
          </p>
        ))}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Generate final video"}
        </Button>
      </div>
    </Form>
  );
}

/** An intro or outro card's length, 0.5–3 s as the API allows. */
function CardLength(props: {
  label: string;
  name: string;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-700">
      {props.label}
      <input
        type="number"
        name={props.name}
        min={0.5}
        max={3}
        step={0.5}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        className="rounded-lg border border-slate-300 px-3 py-2"
      />
    </label>
  );
}
