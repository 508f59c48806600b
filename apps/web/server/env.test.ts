import { describe, expect, it } from "vitest";
import { readServerEnv } from "./env";

describe("readServerEnv", () => {
  it("binds only this machine in development and every interface in production", () => {
    expect(readServerEnv({ NODE_ENV: "development" }).HOST).toBe("127.0.0.1");
    expect(readServerEnv({ NODE_ENV: "production" }).HOST).toBe("0.0.0.0");
    expect(readServerEnv({ NODE_ENV: "development", HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it("takes allowed origins from APP_URL and ALLOWED_ORIGINS only", () => {
    const env = readServerEnv({
      NODE_ENV: "production",
      APP_URL: "https://ads.example.com/app",
      ALLOWED_ORIGINS: "https://admin.example.com, https://ads.example.com",
    });
    expect(env.allowedOrigins).toEqual(["https://ads.example.com", "https://admin.example.com"]);
    expect(readServerEnv({ NODE_ENV: "development", PORT: "4000" }).allowedOrigins).toEqual([
      "http://localhost:4000",
    ]);
    expect(() => readServerEnv({ NODE_ENV: "test", ALLOWED_ORIGINS: "evil" })).toThrow(
      /ALLOWED_ORIGINS/,
    );
  });

  it("never seeds the demo account in production", () => {
    expect(readServerEnv({ NODE_ENV: "development" }).seedDemoUser).toBe(true);
    expect(readServerEnv({ NODE_ENV: "production" }).seedDemoUser).toBe(false);
    expect(() => readServerEnv({ NODE_ENV: "production", SEED_DEMO_USER: "true" })).toThrow(
      /SEED_DEMO_USER: the demo account cannot exist with NODE_ENV=production/,
    );
  });

  it("reads TRUST_PROXY as a number of proxy hops, off by default", () => {
    expect(readServerEnv({ NODE_ENV: "test" }).TRUST_PROXY).toBe(0);
    expect(readServerEnv({ NODE_ENV: "test", TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(readServerEnv({ NODE_ENV: "test", TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => readServerEnv({ NODE_ENV: "test", TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
