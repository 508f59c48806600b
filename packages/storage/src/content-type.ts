import { StorageError } from "./errors";

/** The media types the pipeline writes; anything else is served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  svg: "image/svg+xml",
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  json: "application/json",
  txt: "text/plain; charset=utf-8",
  ttf: "font/ttf",
};

export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

export function contentTypeFromKey(key: string): string {
  const dot = key.lastIndexOf(".");
  const slash = key.lastIndexOf("/");
  if (dot <= slash + 1) return DEFAULT_CONTENT_TYPE;
  return CONTENT_TYPES[key.slice(dot + 1).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}

// A media type goes into a sidecar file and an HTTP header, so it must be one printable line.
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+"-]+)*$/;

export function assertContentType(contentType: string): void {
  if (typeof contentType !== "string" || !MEDIA_TYPE.test(contentType)) {
    throw new StorageError("invalid_content_type", `Invalid content type "${String(contentType)}"`);
  }
}
