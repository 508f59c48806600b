import { Form } from "@remix-run/react";
import { useState } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import { Button } from "../button";
import { CountedText } from "../counted-text";

const MIN = 10;
const MAX = 300;

/** Step 2's request: the scene and each clip's length. */
export function ClipForm({
  defaultPrompt,
  failure,
  busy,
  regenerate,
}: {
  defaultPrompt: string | null;
  failure?: ActionFailure;
  busy: boolean;
  regenerate: boolean;
}) {
  const errors = failure?.intent === "generateClips" ? failure : undefined;
  const [prompt, setPrompt] = useState(defaultPrompt ?? "");
  const [clientError, setClientError] = useState<string | null>(null);
  return (
    <Form
      method="post"
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        const problem =
          prompt.trim().length < MIN
            ? `Describe the scene in at least ${MIN} characters.`
            : prompt.length > MAX
              ? `Keep the scene to ${MAX} characters or fewer.`
              : null;
        setClientError(problem);
        if (problem) e.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="generateClips" />
      <CountedText
        label="Describe the scene"
        name="videoPrompt"
        max={MAX}
        defaultValue={defaultPrompt ?? ""}
        placeholder="e.g. Slow, elegant camera moves on a marble counter in warm morning light"
        onValueChange={(value) => {
          setPrompt(value);
          setClientError(null);
        }}
        clientError={clientError}
        errors={errors?.fieldErrors.videoPrompt}
      />
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Clip length</legend>
        <div className="flex gap-2">
          {[2, 3, 4].map((seconds) => (
            <label key={seconds} className="cursor-pointer">
              <input
                type="radio"
                name="clipDuration"
                value={seconds}
                defaultChecked={seconds === 3}
                className="peer sr-only"
              />
              <span className="inline-block rounded-lg px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 peer-checked:bg-brand-600 peer-checked:text-white peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
                {seconds} s
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : regenerate ? "Regenerate clips" : "Generate clips"}
        </Button>
      </div>
    </Form>
  );
}
