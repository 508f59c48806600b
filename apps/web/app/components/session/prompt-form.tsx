import { Form } from "@remix-run/react";
import { useState } from "react";
import type { ActionFailure } from "../../lib/api-errors";
import { STYLE_CHIPS } from "../../lib/style-keywords";
import { Button } from "../button";
import { CountedText } from "../counted-text";
import { ChipChoice } from "./chip-choice";

const MIN = 3;
const MAX = 200;

/** Step 1's request: one line about the product, how many shots, which styles. */
export function PromptForm({
  defaultPrompt,
  defaultStyles,
  failure,
  busy,
  regenerate,
}: {
  defaultPrompt: string | null;
  defaultStyles: string[];
  failure?: ActionFailure;
  busy: boolean;
  regenerate: boolean;
}) {
  const errors = failure?.intent === "generateImages" ? failure : undefined;
  const [prompt, setPrompt] = useState(defaultPrompt ?? "");
  const [count, setCount] = useState(6);
  const [clientError, setClientError] = useState<string | null>(null);
  return (
    <Form
      method="post"
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        const length = prompt.trim().length;
        const problem =
          length < MIN
            ? `Describe the product in at least ${MIN} characters.`
            : prompt.length > MAX
              ? `Keep the description to ${MAX} characters or fewer (it has ${prompt.length}).`
              : null;
        setClientError(problem);
        if (problem) e.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="generateImages" />
      <CountedText
        label="Describe your product in one line"
        name="productPrompt"
        max={MAX}
        defaultValue={defaultPrompt ?? ""}
        placeholder="e.g. Matte black insulated water bottle with a bamboo lid"
        onValueChange={(value) => {
          setPrompt(value);
          setClientError(null);
        }}
        clientError={clientError}
        errors={errors?.fieldErrors.productPrompt}
      />
      <div className="grid gap-4 sm:grid-cols-[14rem_1fr]">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="numImages" className="text-sm font-medium text-slate-700">
            Images: <output htmlFor="numImages">{count}</output>
          </label>
          <input
            id="numImages"
            name="numImages"
            type="range"
            min={4}
            max={8}
            step={1}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
            className="accent-brand-600"
          />
          <div className="flex justify-between text-xs text-slate-500" aria-hidden="true">
            <span>4</span>
            <span>8</span>
          </div>
        </div>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Style</legend>
          <div className="flex flex-wrap gap-2">
            {STYLE_CHIPS.map((style) => (
              <ChipChoice
                key={style}
                type="checkbox"
                name="style"
                value={style}
                defaultChecked={defaultStyles.includes(style)}
                chipClassName="inline-block rounded-full px-3 py-1 text-sm capitalize text-slate-700 ring-1 ring-slate-300 peer-checked:bg-brand-600 peer-checked:text-white peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600"
              >
                {style}
              </ChipChoice>
            ))}
          </div>
          {errors?.fieldErrors.styleKeywords ? (
            <p role="alert" className="text-sm text-red-600">
              {errors.fieldErrors.styleKeywords.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : regenerate ? "Regenerate images" : "Generate images"}
        </Button>
      </div>
    </Form>
  );
}
