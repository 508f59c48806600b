import path from "node:path";
import { h264OutputOptions } from "./h264-output";
import { runFfmpeg } from "./run-ffmpeg";

/** Writes a test clip (colour bars with a 440 Hz tone) made by ffmpeg's own sources. */
export async function makeTestClip(
  dir: string,
  options: { seconds: number; width?: number; height?: number; fps?: number; audio?: boolean },
): Promise<string> {
  const { seconds, width = 320, height = 240, fps = 30, audio = true } = options;
  const output = path.join(dir, `clip-${seconds}s-${width}x${height}${audio ? "-a" : ""}.mp4`);
  await runFfmpeg({
    inputs: [
      {
        spec: `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
        options: ["-f", "lavfi"],
      },
      ...(audio
        ? [
            {
              spec: `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
              options: ["-f", "lavfi"],
            },
          ]
        : []),
    ],
    outputOptions: [
      ...(audio ? ["-c:a", "aac", "-ac", "2", "-b:a", "128k", "-shortest"] : ["-an"]),
      ...h264OutputOptions({ fps }),
    ],
    output,
  });
  return output;
}
