import { describe, expect, it } from "vitest";
import { readReplicateConfig } from "./env";

describe("readReplicateConfig", () => {
  it("names the missing token", () => {
    expect(() => readReplicateConfig({})).toThrow(
      "GENERATION_PROVIDER=replicate requires REPLICATE_API_TOKEN",
    );
    expect(() => readReplicateConfig({ REPLICATE_API_TOKEN: "" })).toThrow(/REPLICATE_API_TOKEN/);
  });

  it("accepts REPLICATE_API_KEY as an alias and has the documented defaults", () => {
    const config = readReplicateConfig({ REPLICATE_API_KEY: "r8_key" });
    expect(config.token).toBe("r8_key");
    expect(config.baseUrl).toBe("https://api.replicate.com/v1");
    expect(config.outputHosts).toEqual(["replicate.delivery", "*.replicate.delivery"]);
    expect(config.roles.image).toMatchObject({
      model: "black-forest-labs/flux-dev",
      fallback: "black-forest-labs/flux-schnell",
    });
  });

  it("overrides models, fallbacks and prices, and names a bad value", () => {
    const config = readReplicateConfig({
      REPLICATE_API_TOKEN: "t",
      REPLICATE_MODEL_VIDEO: "wan-video/wan-2.2-i2v-fast",
      REPLICATE_FALLBACK_VIDEO: "none",
      REPLICATE_PRICES: '{"wan-video/wan-2.2-i2v-fast":{"per":"prediction","usd":0.1}}',
    });
    expect(config.roles.video).toMatchObject({
      model: "wan-video/wan-2.2-i2v-fast",
      fallback: null,
    });
    expect(config.prices["wan-video/wan-2.2-i2v-fast"]).toEqual({ per: "prediction", usd: 0.1 });
    expect(() =>
      readReplicateConfig({ REPLICATE_API_TOKEN: "t", REPLICATE_MODEL_IMAGE: "flux" }),
    ).toThrow(/REPLICATE_MODEL_IMAGE/);
    expect(() => readReplicateConfig({ REPLICATE_API_TOKEN: "t", REPLICATE_PRICES: "{" })).toThrow(
      /REPLICATE_PRICES/,
    );
  });
});
