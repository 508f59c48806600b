import path from "node:path";
import { type EnvSource, readStorageEnv } from "./env";
import { createLocalStorage } from "./local-storage";
import { createS3Storage } from "./s3-storage";
import { type Storage } from "./storage";

/** The store the configuration asks for: `$DATA_DIR/media` by default, S3 with STORAGE_DRIVER=s3. */
export function createStorageFromEnv(source?: EnvSource): Storage {
  const env = readStorageEnv(source);
  if (env.STORAGE_DRIVER === "local")
    return createLocalStorage({ root: path.join(env.DATA_DIR, "media") });
  return createS3Storage({
    // readStorageEnv guarantees the bucket when the driver is s3.
    bucket: env.S3_BUCKET_NAME ?? "",
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
        : undefined,
    urlExpiresInSec: env.S3_URL_EXPIRES_IN,
  });
}
