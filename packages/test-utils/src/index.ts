export { makeFixture, fixtureContentType, type FixtureKind, type FixtureOptions } from "./fixtures";
export {
  loadTestCertificate,
  makeTestCertificate,
  useTestCertificate,
  type TestCertificate,
} from "./tls";
export { TEST_TLS_DIR_VARIABLE } from "./env";
export {
  startReplicateTestServer,
  type LoggedRequest,
  type ReplicateTestServer,
  type ReplicateTestServerOptions,
} from "./replicate/server";
export { NSFW_ERROR, type Fault, type ModelScript, type OutputContext } from "./replicate/script";
export { startS3TestServer, type S3TestServer } from "./s3";
