import { formatUsd } from "../../lib/format";

interface FinalVideo {
  url: string;
  duration: number | null;
  resolution: string | null;
  fps: number | null;
  fileSizeMb: number;
}

/** The finished ad: player, facts, download. */
export function FinalVideoPanel({
  video,
  totalCost,
  fileName,
  poster,
}: {
  video: FinalVideo;
  totalCost: number;
  fileName: string;
  poster?: string;
}) {
  return (
    <section
      className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
      data-testid="final-video"
    >
      <video
        src={video.url}
        poster={poster}
        controls
        playsInline
        preload="metadata"
        className="max-h-[70vh] w-full bg-black object-contain"
      />
      <div className="flex flex-wrap items-center justify-between gap-4 p-4">
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-slate-500">Length </dt>
            <dd className="inline tabular-nums">{video.duration?.toFixed(1)} s</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">Size </dt>
            <dd className="inline tabular-nums">
              {video.resolution} · {video.fps} fps · {video.fileSizeMb} MB
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">Cost </dt>
            <dd className="inline tabular-nums">{formatUsd(totalCost)}</dd>
          </div>
        </dl>
        <a
          href={video.url}
          download={fileName}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Download MP4
        </a>
      </div>
    </section>
  );
}
