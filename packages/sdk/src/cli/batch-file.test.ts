import { describe, expect, it } from "vitest";
import { parseBatchFile } from "./batch-file";

describe("batch files", () => {
  it("reads JSON lines, skipping blank lines and reporting unreadable ones by line number", () => {
    const text = '{"productName":"A"}\n\nnot json\n{"productName":"B"}\n';
    expect(parseBatchFile("ads.jsonl", text)).toEqual([
      { line: 1, input: { productName: "A" } },
      { line: 3, error: "is not valid JSON" },
      { line: 4, input: { productName: "B" } },
    ]);
  });

  it("reads CSV with the spec's field names as headers, quoted cells and numbers", () => {
    const text = [
      "productPrompt,videoPrompt,productName,cta,numImages,music,styleKeywords",
      '"Lamp, walnut","Warm light, ""slow"" pan",Glow,Buy,4,none,warm; wood',
      "",
      'Mug,"Steam rising\nover a table",Brew,Sip,,chill,',
      "a,b,c,d,e,f,g,h",
    ].join("\r\n");
    expect(parseBatchFile("ads.CSV", text)).toEqual([
      {
        line: 2,
        input: {
          productPrompt: "Lamp, walnut",
          videoPrompt: 'Warm light, "slow" pan',
          productName: "Glow",
          cta: "Buy",
          numImages: 4,
          music: "none",
          styleKeywords: ["warm", "wood"],
        },
      },
      {
        line: 4,
        input: {
          productPrompt: "Mug",
          videoPrompt: "Steam rising\nover a table",
          productName: "Brew",
          cta: "Sip",
          music: "chill",
        },
      },
      { line: 6, error: "has 8 cells but the header names 7" },
    ]);
  });
});
