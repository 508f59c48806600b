export {
  type ByteRange,
  type ListedObject,
  type Storage,
  type StorageBody,
  type StorageDriverName,
  type StoredObject,
} from "./storage";
export { StorageError, isStorageError, type StorageErrorCode } from "./errors";
export {
  assertStorageKey,
  assetKey,
  isValidStorageKey,
  parseSessionKey,
  sessionPrefix,
  SESSIONS_FOLDER,
  storageKey,
  storageKeyProblem,
  type SessionFileKind,
} from "./keys";
export { contentTypeFromKey, DEFAULT_CONTENT_TYPE } from "./content-type";
export { parseRangeHeader, resolveByteRange, type ResolvedRange } from "./byte-range";
export { createLocalStorage, type LocalStorage, type LocalStorageOptions } from "./local-storage";
export { createS3Storage, type S3Storage, type S3StorageOptions } from "./s3-storage";
export { readStorageEnv, storageEnvSchema, type EnvSource, type StorageEnv } from "./env";
export { createStorageFromEnv } from "./from-env";
