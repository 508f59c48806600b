import { open } from "node:fs/promises";
import type { ClipSource } from "./probe-clip";

/** A moov larger than this is not read here (ffprobe copes); ours are a few kilobytes. */
const MAX_MOOV_BYTES = 8 * 1024 * 1024;
/** Sample entries of video ffmpeg decodes; children start after the 78-byte visual entry. */
const VIDEO_ENTRIES = new Set(["avc1", "avc3", "hvc1", "hev1", "av01", "vp09"]);

interface Box {
  type: string;
  /** The box's payload (after its header). */
  body: Buffer;
}

function* boxes(data: Buffer): Generator<Box> {
  let offset = 0;
  while (offset + 8 <= data.length) {
    let size = data.readUInt32BE(offset);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > data.length) return;
      size = Number(data.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) size = data.length - offset;
    if (size < header || offset + size > data.length) return;
    yield {
      type: data.toString("latin1", offset + 4, offset + 8),
      body: data.subarray(offset + header, offset + size),
    };
    offset += size;
  }
}

const child = (data: Buffer, type: string) =>
  [...boxes(data)].find((box) => box.type === type)?.body;

function path(data: Buffer, ...types: string[]): Buffer | undefined {
  let current: Buffer | undefined = data;
  for (const type of types) current = current && child(current, type);
  return current;
}

/** Timescale and duration of an mvhd or mdhd box (version 0 or 1). */
function timing(body: Buffer): { timescale: number; duration: number } {
  return body[0] === 1
    ? { timescale: body.readUInt32BE(20), duration: Number(body.readBigUInt64BE(24)) }
    : { timescale: body.readUInt32BE(12), duration: body.readUInt32BE(16) };
}

interface Track {
  handler: string;
  tkhd: Buffer;
  mdia: Buffer;
  edts?: Buffer;
}

function tracks(moov: Buffer): Track[] {
  return [...boxes(moov)]
    .filter((box) => box.type === "trak")
    .flatMap(({ body }) => {
      const tkhd = child(body, "tkhd");
      const mdia = child(body, "mdia");
      const hdlr = mdia && child(mdia, "hdlr");
      if (!tkhd || !mdia || !hdlr || hdlr.length < 12) return [];
      return [{ handler: hdlr.toString("latin1", 8, 12), tkhd, mdia, edts: child(body, "edts") }];
    });
}

/** The presented length: one plain edit (as ffmpeg writes) or none; anything else is ffprobe's. */
function durationSec(track: Track, movie: { timescale: number }): number | null {
  const elst = track.edts && child(track.edts, "elst");
  if (!elst) {
    const mdhd = child(track.mdia, "mdhd");
    if (!mdhd) return null;
    const media = timing(mdhd);
    return media.timescale > 0 ? media.duration / media.timescale : null;
  }
  const version = elst[0];
  if (elst.readUInt32BE(4) !== 1) return null;
  const [segment, mediaTime, rate] =
    version === 1
      ? [Number(elst.readBigUInt64BE(8)), Number(elst.readBigInt64BE(16)), elst.readInt32BE(24)]
      : [elst.readUInt32BE(8), elst.readInt32BE(12), elst.readInt32BE(16)];
  if (mediaTime < 0 || rate !== 0x10000 || movie.timescale <= 0) return null;
  return segment / movie.timescale;
}

/** Width, height and the matrix's rotation from a tkhd box (version 0 or 1). */
function trackHeader(tkhd: Buffer) {
  const base = tkhd[0] === 1 ? 44 : 32;
  const matrix = base + 8;
  const fixed = (at: number) => tkhd.readInt32BE(at) / 0x10000;
  return {
    rotationDeg: (Math.atan2(fixed(matrix + 4), fixed(matrix)) * 180) / Math.PI,
    displayWidth: fixed(matrix + 36),
    displayHeight: fixed(matrix + 40),
  };
}

function videoEntry(track: Track) {
  const stsd = path(track.mdia, "minf", "stbl", "stsd");
  if (!stsd || stsd.length < 8 || stsd.readUInt32BE(4) !== 1) return null;
  const [entry] = boxes(stsd.subarray(8));
  if (!entry || !VIDEO_ENTRIES.has(entry.type) || entry.body.length < 78) return null;
  const pasp = child(entry.body.subarray(78), "pasp");
  return {
    width: entry.body.readUInt16BE(24),
    height: entry.body.readUInt16BE(26),
    sar: pasp && pasp.length >= 8 ? pasp.readUInt32BE(0) / pasp.readUInt32BE(4) : null,
  };
}

/** The file's moov box, found by walking the top-level box headers (the media data is skipped). */
async function readMoov(file: string): Promise<Buffer | null> {
  const handle = await open(file, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(16);
    for (let offset = 0; offset + 8 <= fileSize;) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return null;
      let size = header.readUInt32BE(0);
      let headerBytes = 8;
      const type = header.toString("latin1", 4, 8);
      if (size === 1 && bytesRead === 16) {
        size = Number(header.readBigUInt64BE(8));
        headerBytes = 16;
      } else if (size === 0) size = fileSize - offset;
      if (size < headerBytes) return null;
      if (type === "moov") {
        if (size > MAX_MOOV_BYTES || offset + size > fileSize) return null;
        const moov = Buffer.alloc(size);
        await handle.read(moov, 0, size, offset);
        return moov.subarray(headerBytes);
      }
      offset += size;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * A clip's geometry read from its MP4 header in-process, as ffprobe would report it, saving a
 * process start-up per clip (issue 13). Answers only when the header leaves no doubt: one video
 * track, a pixel-aspect (pasp) box — which is what ffmpeg's decoder applies, over the codec's —
 * agreeing with the track's display size, and at most one plain edit. Otherwise null, and the
 * caller asks ffprobe.
 */
export async function readMp4Geometry(file: string): Promise<ClipSource | null> {
  const moov = await readMoov(file).catch(() => null);
  if (!moov) return null;
  try {
    const mvhd = child(moov, "mvhd");
    const video = tracks(moov).filter((track) => track.handler === "vide");
    const [track] = video;
    if (!mvhd || video.length !== 1 || !track) return null;
    const entry = videoEntry(track);
    const duration = durationSec(track, timing(mvhd));
    if (!entry?.sar || !entry.width || !entry.height || duration === null) return null;
    const header = trackHeader(track.tkhd);
    const quarterTurn = Math.abs(Math.round(header.rotationDeg / 90)) % 2 === 1;
    // The track's display size is before the matrix's rotation: the stored size times the SAR.
    const agrees =
      Math.abs(header.displayWidth - entry.width * entry.sar) <= 1 &&
      Math.abs(header.displayHeight - entry.height) <= 1 &&
      Math.abs(header.rotationDeg - 90 * Math.round(header.rotationDeg / 90)) < 0.5;
    if (!agrees) return null;
    return quarterTurn
      ? { width: entry.height, height: entry.width, sar: 1 / entry.sar, durationSec: duration }
      : { width: entry.width, height: entry.height, sar: entry.sar, durationSec: duration };
  } catch {
    // A truncated or odd box: not ours to judge.
    return null;
  }
}
