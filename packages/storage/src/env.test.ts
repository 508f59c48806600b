import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultDataDir, readDbEnv } from "@adgen/db";
import { describe, expect, it } from "vitest";
import { readStorageEnv } from "./env";
import { createStorageFromEnv } from "./from-env";
import { type LocalStorage } from "./local-storage";
import { type S3Storage } from "./s3-storage";

describe("storage configuration", () => {
  it("defaults to <repo>/data, the database's data folder, wherever the process starts", () => {
    const repoData = fileURLToPath(new URL("../../../data", import.meta.url));
    const env = readStorageEnv({});
    expect(env).toMatchObject({
      STORAGE_DRIVER: "local",
      DATA_DIR: repoData,
      S3_FORCE_PATH_STYLE: false,
      S3_URL_EXPIRES_IN: 3600,
    });
    const storage = createStorageFromEnv({}) as LocalStorage;
    expect(storage.driver).toBe("local");
    expect(storage.root).toBe(path.join(repoData, "media"));
    expect(defaultDataDir).toBe(repoData);
    expect(readDbEnv({}).DATA_DIR).toBe(repoData);
  });

  it("resolves a relative DATA_DIR against the working directory, as the database does", () => {
    expect(readStorageEnv({ DATA_DIR: "./var/adgen" }).DATA_DIR).toBe(path.resolve("var/adgen"));
    expect(readDbEnv({ DATA_DIR: "./var/adgen" }).DATA_DIR).toBe(path.resolve("var/adgen"));
  });

  it("puts local media in $DATA_DIR/media and treats empty values as unset", () => {
    const storage = createStorageFromEnv({
      DATA_DIR: "/srv/adgen",
      STORAGE_DRIVER: "",
    }) as LocalStorage;
    expect(storage.root).toBe("/srv/adgen/media");
  });

  it("names the variable that is wrong", () => {
    expect(() => readStorageEnv({ STORAGE_DRIVER: "ftp" })).toThrow(
      /STORAGE_DRIVER: must be "local" or "s3"/,
    );
    expect(() => readStorageEnv({ STORAGE_DRIVER: "s3" })).toThrow(
      /S3_BUCKET_NAME: is required when STORAGE_DRIVER=s3/,
    );
    expect(() => readStorageEnv({ S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => readStorageEnv({ S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
    expect(() => readStorageEnv({ AWS_ACCESS_KEY_ID: "AKIA" })).toThrow(
      /AWS_SECRET_ACCESS_KEY: must be set together/,
    );
  });

  it("builds an S3 store from the S3 variables", async () => {
    const storage = createStorageFromEnv({
      STORAGE_DRIVER: "s3",
      S3_BUCKET_NAME: "media",
      S3_REGION: "auto",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_FORCE_PATH_STYLE: "true",
      S3_URL_EXPIRES_IN: "600",
      AWS_ACCESS_KEY_ID: "key",
      AWS_SECRET_ACCESS_KEY: "secret",
    }) as S3Storage;
    expect(storage.driver).toBe("s3");
    expect(storage.bucket).toBe("media");
    // Presigning is local computation, so the URL shows the configuration without a server.
    const url = new URL(await storage.urlFor("a/b.png"));
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:9000/media/a/b.png");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("600");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(
      /^key\/\d{8}\/auto\/s3\/aws4_request$/,
    );
    storage.client.destroy();
  });
});
