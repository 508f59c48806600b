import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What ffprobe says about a downloaded file: container, codecs, duration, size. */
export async function probe(file: string) {
  const { stdout } = await run(process.env.FFPROBE_PATH ?? "ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "format=format_name,duration:stream=codec_type,codec_name,width,height",
    "-of",
    "json",
    file,
  ]);
  const info = JSON.parse(stdout) as {
    format: { format_name: string; duration: string };
    streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
  };
  const video = info.streams.find((s) => s.codec_type === "video");
  return {
    container: info.format.format_name,
    duration: Number(info.format.duration),
    videoCodec: video?.codec_name,
    audioCodec: info.streams.find((s) => s.codec_type === "audio")?.codec_name,
    width: video?.width,
    height: video?.height,
  };
}
