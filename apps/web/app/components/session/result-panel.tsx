import { ASPECT_RATIOS } from "@adgen/schemas";
import { Form } from "@remix-run/react";
import type { ActionFailure } from "../../lib/api-errors";
import type { CostSummary, FinalVideo, ShareStatus } from "../../lib/session-view";
import { Button } from "../button";
import { FormError } from "../form-error";
import { CostBreakdown } from "./cost-breakdown";
import { SharePanel } from "./share-panel";

const FORMAT_OF: Record<string, string> = {
  "1920x1080": "16:9",
  "1080x1920": "9:16",
  "1080x1080": "1:1",
};
const formatOf = (video: FinalVideo) => FORMAT_OF[video.resolution ?? ""] ?? video.resolution;

/** The newest video of each format, newest first. */
function latestPerFormat(videos: FinalVideo[]) {
  const byFormat = new Map<string, FinalVideo>();
  for (const video of [...videos].reverse()) {
    const format = formatOf(video) ?? video.id;
    if (!byFormat.has(format)) byFormat.set(format, video);
  }
  return [...byFormat.values()];
}

/** "Your video is ready!": player, facts, costs, download, share link and other formats. */
export function ResultPanel({
  video,
  videos,
  poster,
  fileName,
  costs,
  share,
  sharePath,
  failure,
  busy,
  canCompose,
}: {
  video: FinalVideo;
  videos: FinalVideo[];
  poster?: string;
  fileName: string;
  costs: CostSummary;
  share: ShareStatus;
  sharePath: string | null;
  failure?: ActionFailure;
  busy: boolean;
  canCompose: boolean;
}) {
  const formats = latestPerFormat(videos);
  const missing = ASPECT_RATIOS.filter((r) => !formats.some((v) => formatOf(v) === r));
  const failed = failure && ["share", "unshare", "composeFormat"].includes(failure.intent);
  return (
    <section
      className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
      data-testid="final-video"
      aria-labelledby="result-title"
    >
      <div className="bg-black">
        <video
          key={video.id}
          src={video.url}
          poster={poster}
          controls
          autoPlay
          muted
          playsInline
          preload="metadata"
          className="mx-auto max-h-[70vh] w-full object-contain"
          aria-label="Your finished ad"
        />
      </div>
      <div className="flex flex-col gap-5 p-4 sm:p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="result-title" className="text-xl font-semibold">
            Your video is ready!
          </h2>
          <a
            href={video.url}
            download={fileName}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Download MP4
          </a>
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="video-facts">
          <div>
            <dt className="inline text-slate-600">Length </dt>
            <dd className="inline tabular-nums" data-testid="video-duration">
              {video.duration?.toFixed(1)} s
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-600">Resolution </dt>
            <dd className="inline tabular-nums">
              {video.resolution} · {video.fps} fps
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-600">File size </dt>
            <dd className="inline tabular-nums">{video.fileSizeMb} MB</dd>
          </div>
        </dl>
        <CostBreakdown costs={costs} />
        {failed ? <FormError message={failure.message} /> : null}
        <SharePanel status={share} freshPath={sharePath} busy={busy} />
        <section className="flex flex-col gap-2" aria-labelledby="formats-title">
          <h3 id="formats-title" className="text-sm font-semibold">
            Formats
          </h3>
          <ul className="flex flex-wrap items-end gap-3" data-testid="formats">
            {formats.map((v) => (
              <li key={v.id} className="flex flex-col gap-1" data-format={formatOf(v)}>
                <video
                  src={v.url}
                  poster={poster}
                  muted
                  playsInline
                  preload="metadata"
                  aria-label={`${formatOf(v)} version`}
                  className="h-28 rounded-lg bg-black"
                />
                <a href={v.url} download className="text-xs font-medium text-brand-700 underline">
                  {formatOf(v)} · {v.resolution}
                </a>
              </li>
            ))}
          </ul>
          {canCompose && missing.length > 0 ? (
            <div className="flex flex-wrap gap-2">
              {missing.map((ratio) => (
                <Form method="post" key={ratio}>
                  <input type="hidden" name="intent" value="composeFormat" />
                  <input type="hidden" name="aspectRatio" value={ratio} />
                  <Button type="submit" variant="secondary" disabled={busy}>
                    Make {ratio}
                  </Button>
                </Form>
              ))}
            </div>
          ) : null}
        </section>
        <Form method="post" action="/" className="border-t border-slate-100 pt-4">
          <Button type="submit">Make another ad</Button>
        </Form>
      </div>
    </section>
  );
}
