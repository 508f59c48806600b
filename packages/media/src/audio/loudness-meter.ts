import { MediaError } from "../errors";

/**
 * Integrated loudness per ITU-R BS.1770-4 / EBU R128 (the meter ffmpeg's ebur128 and loudnorm
 * use), in-process: the local music model normalises its synthesis and the compositor masters
 * the music bed without an extra ffmpeg pass. Coefficients are the standard's K-weighting
 * filters at 48 kHz.
 */
const SHELF = {
  b: [1.53512485958697, -2.69169618940638, 1.19839281085285],
  a: [-1.69065929318241, 0.73248077421585],
};
const HIGH_PASS = { b: [1.0, -2.0, 1.0], a: [-1.99004745483398, 0.99007225036621] };

function biquad(input: Float32Array, { b, a }: { b: number[]; a: number[] }): Float32Array {
  const output = new Float32Array(input.length);
  const [b0 = 0, b1 = 0, b2 = 0] = b;
  const [a1 = 0, a2 = 0] = a;
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i += 1) {
    const x = input[i] ?? 0;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    output[i] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return output;
}

const toLufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

/** Integrated loudness in LUFS of 48 kHz channels (−Infinity for silence). */
export function integratedLoudness(channels: Float32Array[], sampleRate = 48_000): number {
  if (sampleRate !== 48_000) {
    throw new MediaError("BAD_INPUT", "The K-weighting coefficients here are for 48 kHz");
  }
  const weighted = channels.map((channel) => biquad(biquad(channel, SHELF), HIGH_PASS));
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  const length = weighted[0]?.length ?? 0;
  const blocks: number[] = [];
  for (let start = 0; start + block <= length; start += hop) {
    let sum = 0;
    for (const channel of weighted) {
      for (let i = start; i < start + block; i += 1) sum += (channel[i] ?? 0) ** 2;
    }
    blocks.push(sum / block);
  }
  const absolute = blocks.filter((power) => toLufs(power) > -70);
  if (absolute.length === 0) return Number.NEGATIVE_INFINITY;
  const relativeGate = toLufs(absolute.reduce((a, b) => a + b, 0) / absolute.length) - 10;
  const gated = absolute.filter((power) => toLufs(power) > relativeGate);
  return toLufs(gated.reduce((a, b) => a + b, 0) / gated.length);
}
