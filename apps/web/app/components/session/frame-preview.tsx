import type { AspectRatio } from "@adgen/schemas";

const FRAME: Record<AspectRatio, string> = {
  "16:9": "aspect-video w-44",
  "9:16": "aspect-[9/16] w-24",
  "1:1": "aspect-square w-32",
};

/** Two small frames in the chosen format: a clip with its title, and the outro's call to action. */
export function FramePreview({
  aspectRatio,
  background,
  productName,
  cta,
  fontFamily,
  color,
}: {
  aspectRatio: AspectRatio;
  background?: string;
  productName: string;
  cta: string;
  fontFamily: string;
  color: string;
}) {
  const frame = `relative overflow-hidden rounded-lg bg-slate-800 shadow ${FRAME[aspectRatio]}`;
  return (
    <div
      className="flex flex-wrap items-end gap-3"
      data-testid="frame-preview"
      data-format={aspectRatio}
    >
      <figure className="flex flex-col gap-1">
        <div className={frame}>
          {background ? (
            <img src={background} alt="" className="h-full w-full object-cover" />
          ) : null}
          <span
            className="absolute inset-x-1 bottom-[12%] truncate text-center text-sm leading-tight drop-shadow"
            style={{ fontFamily, color }}
          >
            {productName || "Product name"}
          </span>
        </div>
        <figcaption className="text-xs text-slate-600">Title on the clips</figcaption>
      </figure>
      <figure className="flex flex-col gap-1">
        <div className={`${frame} flex items-center justify-center bg-slate-900`}>
          <span
            className="truncate px-1 text-center text-sm leading-tight"
            style={{ fontFamily, color }}
          >
            {cta || "Call to action"}
          </span>
        </div>
        <figcaption className="text-xs text-slate-600">Outro card</figcaption>
      </figure>
    </div>
  );
}
