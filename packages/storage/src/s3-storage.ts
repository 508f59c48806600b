import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import { assertByteOffsets, isWholeObject } from "./byte-range";
import { assertContentType, DEFAULT_CONTENT_TYPE } from "./content-type";
import { StorageError } from "./errors";
import { assertStorageKey } from "./keys";
import {
  type ByteRange,
  type ListedObject,
  type Storage,
  type StorageBody,
  type StoredObject,
} from "./storage";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For R2, MinIO and other S3-compatible services; unset for AWS. */
  endpoint?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (MinIO, local servers). */
  forcePathStyle?: boolean;
  /** Unset → the SDK's default chain (instance role, shared config…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** How long `urlFor` links stay valid. */
  urlExpiresInSec?: number;
}

export interface S3Storage extends Storage {
  readonly driver: "s3";
  readonly bucket: string;
  readonly client: S3Client;
}

export function createS3Storage(options: S3StorageOptions): S3Storage {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: options.credentials,
    // The SDK's default CRC32 trailers and checksum query parameters are rejected or
    // mangled by several S3-compatible stores (R2, older MinIO, s3rver); send them only
    // where the API demands one.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const defaultExpiry = options.urlExpiresInSec ?? 3600;

  async function put(
    key: string,
    body: StorageBody,
    { contentType }: { contentType: string },
  ): Promise<StoredObject> {
    assertStorageKey(key);
    assertContentType(contentType);
    if (body instanceof Uint8Array) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
        }),
      );
      return { size: body.byteLength, contentType };
    }
    // A stream has no known length, which PutObject needs; Upload sends small bodies in
    // one request and large ones as a multipart upload, so neither is held in memory whole.
    await new Upload({
      client,
      params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType },
    }).done();
    const stored = await stat(key);
    if (!stored)
      throw new StorageError("not_found", `Upload of "${key}" finished but the object is missing`);
    return stored;
  }

  async function getStream(key: string, range?: ByteRange): Promise<Readable> {
    assertStorageKey(key);
    const header = isWholeObject(range) ? undefined : rangeHeader(range ?? {});
    try {
      const response = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: header }),
      );
      if (!(response.Body instanceof Readable))
        throw new Error("S3 returned a body that is not a Node stream");
      return response.Body;
    } catch (error) {
      throw mapError(error, key);
    }
  }

  async function getBytes(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await getStream(key)) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }

  async function stat(key: string): Promise<StoredObject | null> {
    assertStorageKey(key);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        size: head.ContentLength ?? 0,
        contentType: head.ContentType ?? DEFAULT_CONTENT_TYPE,
      };
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }

  async function deleteObject(key: string): Promise<void> {
    assertStorageKey(key);
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }

  async function deletePrefix(prefix: string): Promise<number> {
    assertStorageKey(prefix);
    let deleted = 0;
    // A list page holds at most 1,000 keys, which is also DeleteObjects' limit per call.
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: bucket, Prefix: `${prefix}/` },
    )) {
      const keys = (page.Contents ?? []).flatMap((object) =>
        object.Key ? [{ Key: object.Key }] : [],
      );
      if (keys.length === 0) continue;
      const result = await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
      );
      const failed = result.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0];
        throw new Error(
          `Could not delete ${failed.length} objects under "${prefix}/" (${first?.Key}: ${first?.Message})`,
        );
      }
      deleted += keys.length;
    }
    return deleted;
  }

  async function* list(prefix?: string): AsyncIterable<ListedObject> {
    if (prefix !== undefined) assertStorageKey(prefix);
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: bucket, Prefix: prefix === undefined ? undefined : `${prefix}/` },
    )) {
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield {
          key: object.Key,
          size: object.Size ?? 0,
          modifiedAt: object.LastModified ?? new Date(0),
        };
      }
    }
  }

  /** A `put` of a stream cut short leaves an unfinished multipart upload, billed but unlisted. */
  async function deleteAbandonedWrites(olderThan: Date): Promise<number> {
    let aborted = 0;
    let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      let page;
      try {
        page = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, ...markers }));
      } catch (error) {
        // Some S3-compatible stores do not list uploads; their lifecycle rules must do it.
        if (httpStatus(error) === 501) return aborted;
        throw error;
      }
      for (const upload of page.Uploads ?? []) {
        if (!upload.Key || !upload.UploadId || !upload.Initiated) continue;
        if (upload.Initiated >= olderThan) continue;
        await client.send(
          new AbortMultipartUploadCommand({
            Bucket: bucket,
            Key: upload.Key,
            UploadId: upload.UploadId,
          }),
        );
        aborted += 1;
      }
      if (!page.IsTruncated) return aborted;
      markers = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
    }
  }

  async function urlFor(key: string, urlOptions?: { expiresInSec?: number }): Promise<string> {
    assertStorageKey(key);
    return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: urlOptions?.expiresInSec ?? defaultExpiry,
    });
  }

  return {
    driver: "s3",
    bucket,
    client,
    put,
    getStream,
    getBytes,
    stat,
    delete: deleteObject,
    deletePrefix,
    list,
    deleteAbandonedWrites,
    urlFor,
  };
}

/**
 * S3 answers a reversed or malformed range with the whole object (200), so bad ranges
 * are refused here rather than silently served in full.
 */
function rangeHeader(range: ByteRange): string {
  assertByteOffsets(range);
  return `bytes=${range.start ?? 0}-${range.end ?? ""}`;
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function mapError(error: unknown, key: string): unknown {
  const status = httpStatus(error);
  if (status === 404)
    return new StorageError("not_found", `No stored object at "${key}"`, { cause: error });
  if (status === 416)
    return new StorageError("invalid_range", `Byte range is outside the object "${key}"`, {
      cause: error,
    });
  return error;
}
