import { z } from "zod";
import { locateMediaBinaries } from "./binaries";
import { execTool } from "./exec-tool";

export const mediaCapabilitiesSchema = z.object({
  /** e.g. "5.1.9-0+deb12u1" or "4.1-static". */
  version: z.string(),
  major: z.number().int().nonnegative().nullable(),
  filters: z.object({
    xfade: z.boolean(),
    drawtext: z.boolean(),
    perspective: z.boolean(),
    loudnorm: z.boolean(),
    ebur128: z.boolean(),
    loop: z.boolean(),
    vignette: z.boolean(),
    colorbalance: z.boolean(),
  }),
  encoders: z.object({ libx264: z.boolean(), aac: z.boolean() }),
});
export type MediaCapabilities = z.infer<typeof mediaCapabilitiesSchema>;

type FilterName = keyof MediaCapabilities["filters"];
type EncoderName = keyof MediaCapabilities["encoders"];
const FILTERS: FilterName[] = [
  "xfade",
  "drawtext",
  "perspective",
  "loudnorm",
  "ebur128",
  "loop",
  "vignette",
  "colorbalance",
];
const ENCODERS: EncoderName[] = ["libx264", "aac"];

/** Lines look like ` TSC xfade  VV->V  Cross fade…` (filters) or ` V....D libx264  …` (encoders). */
function listedNames(listing: string): Set<string> {
  const names = new Set<string>();
  for (const line of listing.split("\n")) {
    const match = /^\s*[A-Z.|]{2,6}\s+(\S+)\s/.exec(line);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

export function parseCapabilities(
  versionText: string,
  filtersText: string,
  encodersText: string,
): MediaCapabilities {
  const version = /ffmpeg version (\S+)/.exec(versionText)?.[1] ?? "unknown";
  const major = /^n?(\d+)\./.exec(version)?.[1];
  const filters = listedNames(filtersText);
  const encoders = listedNames(encodersText);
  return mediaCapabilitiesSchema.parse({
    version,
    major: major === undefined ? null : Number(major),
    filters: Object.fromEntries(FILTERS.map((name) => [name, filters.has(name)])),
    encoders: Object.fromEntries(ENCODERS.map((name) => [name, encoders.has(name)])),
  });
}

let cached: Promise<MediaCapabilities> | undefined;

/**
 * Asks the located ffmpeg once what it can do, so callers pick a graph the binary supports
 * (the npm-shipped 4.1 build has no xfade, for one).
 */
export function detectCapabilities(): Promise<MediaCapabilities> {
  cached ??= (async () => {
    const ffmpeg = locateMediaBinaries().ffmpeg.path;
    const [versionText, filtersText, encodersText] = await Promise.all([
      execTool(ffmpeg, ["-hide_banner", "-version"]),
      execTool(ffmpeg, ["-hide_banner", "-filters"]),
      execTool(ffmpeg, ["-hide_banner", "-encoders"]),
    ]);
    return parseCapabilities(versionText, filtersText, encodersText);
  })();
  // A failed probe should not poison the cache for the rest of the process.
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
