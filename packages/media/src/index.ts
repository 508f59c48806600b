export { readMediaEnv, mediaEnvSchema, type MediaEnv } from "./env";
export { MediaError, isMediaError, type MediaErrorCode } from "./errors";
export { withTempDir, ownWorkDir, workRoot } from "./temp-dir";
export { sweepDeadWorkDirs, type TempSweep } from "./temp-sweep";

export {
  locateMediaBinaries,
  locateBinariesFrom,
  resolveBinary,
  ensureExecutable,
  type BinaryLocation,
  type BinarySource,
  type MediaBinaries,
} from "./ffmpeg/binaries";
export {
  detectCapabilities,
  parseCapabilities,
  mediaCapabilitiesSchema,
  type MediaCapabilities,
} from "./ffmpeg/capabilities";
export { probeMedia, mediaInfoSchema, parseFrameRate, type MediaInfo } from "./ffmpeg/probe";
export {
  runFfmpeg,
  type FfmpegInput,
  type RunFfmpegOptions,
  type RunFfmpegResult,
} from "./ffmpeg/run-ffmpeg";
export { parseProgressLine, parseTimemark, type FfmpegProgress } from "./ffmpeg/progress";
export { escapeFilterValue } from "./ffmpeg/filter-escape";
export { fileUrl } from "./ffmpeg/file-url";
export { h264OutputOptions, type H264OutputSettings } from "./ffmpeg/h264-output";
export {
  encodeRawFrames,
  encodeRawFramesToFile,
  type EncodeRawFramesOptions,
  type RawPixelFormat,
} from "./ffmpeg/encode-raw-frames";
export {
  decodeRawFrames,
  type DecodeRawFramesOptions,
  type DecodedFrames,
} from "./ffmpeg/decode-raw-frames";

export {
  encodeWav,
  decodeWav,
  readWavInfo,
  type PcmAudio,
  type WavInfo,
  type WavSampleFormat,
} from "./audio/wav";
export { measureLoudness, type LoudnessReport } from "./audio/loudness";
export { integratedLoudness } from "./audio/loudness-meter";

export {
  overlayFontFile,
  displayFontFace,
  fallbackFontFaces,
  type FontFace,
} from "./fonts/font-catalog";
export { registerOverlayFonts, canvasFont, fontChain } from "./fonts/font-registry";
export { readGlyphCoverage, GlyphCoverage } from "./fonts/glyph-coverage";
export {
  checkTextSupport,
  canRenderText,
  normalizeOverlayText,
  type TextSupport,
} from "./text/text-support";
export {
  renderTextImage,
  textImageOptionsSchema,
  type TextImage,
  type TextImageOptions,
} from "./text/render-text-image";
