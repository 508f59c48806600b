import { describe, expect, it } from "vitest";
import { finalVideoMetadataSchema } from "./asset-metadata";
import { composeFinalVideoInput, generateClipsInput, generateImagesInput } from "./generation";
import { compositionRequestSchema, lastRequestSchema } from "./session-json";

const sessionId = "00000000-0000-4000-8000-000000000000";

describe("sessions.last_request", () => {
  it("reads back each step's request as the pipeline stores it, without the session id", () => {
    const requests = [
      {
        step: "generateImages",
        ...generateImagesInput.parse({ sessionId, productPrompt: " Mug " }),
      },
      {
        step: "generateClips",
        ...generateClipsInput.parse({ sessionId, videoPrompt: "Slow orbit, warm" }),
      },
      {
        step: "composeFinalVideo",
        ...composeFinalVideoInput.parse({
          sessionId,
          textOverlay: { productName: "Aero", cta: "Shop now", color: "#aabbcc" },
        }),
      },
    ];
    for (const { sessionId: _, ...request } of requests) {
      // Stored values are parsed again when read: trimming and upper-casing must not drift.
      expect(
        lastRequestSchema.parse(JSON.parse(JSON.stringify({ ...request, sessionId }))),
      ).toEqual(request);
    }
  });

  it("names the step it does not know", () => {
    const result = lastRequestSchema.safeParse({ step: "saveApprovedImages" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["step"]);
  });
});

describe("final video metadata", () => {
  it("holds the composition request with its defaults filled in", () => {
    const request = compositionRequestSchema.parse({
      textOverlay: { productName: "A", cta: "Go" },
    });
    const metadata = {
      runId: "11111111-1111-4111-8111-111111111111",
      request,
      hasAudio: false,
      videoCodec: "h264",
      profile: "High",
      pixFmt: "yuv420p",
    };
    expect(finalVideoMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(request).toEqual({
      textOverlay: { productName: "A", cta: "Go", font: "montserrat", color: "#FFFFFF" },
      audio: { enabled: false, genre: "upbeat" },
      introDuration: 1,
      outroDuration: 1,
      aspectRatio: "16:9",
    });
  });
});
