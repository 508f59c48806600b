/**
 * A process that starts a long ffmpeg in its temp folder and says so, for a test to
 * `kill -9` it and look at what it left behind.
 */
import path from "node:path";
import { runFfmpeg } from "../ffmpeg/run-ffmpeg";
import { withTempDir } from "../temp-dir";

await withTempDir(async (dir) => {
  await runFfmpeg({
    inputs: [{ spec: "color=c=navy:size=64x48:rate=5", options: ["-f", "lavfi", "-re"] }],
    outputOptions: ["-t", "600", "-f", "null"],
    output: path.join(dir, "never.out"),
    onProgress: () => console.log("running"),
  });
});
