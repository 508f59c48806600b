import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { FieldErrorsCause, fieldErrorsFrom } from "./errors";

describe("page cursors", () => {
  it("round-trip a row's time and id, and refuse anything else", () => {
    const row = {
      createdAt: new Date("2026-11-29T13:10:05.123Z"),
      id: "0b8f6a52-3c1e-4b7a-9d2f-5e4c3b2a1f00",
    };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(decodeCursor("garbage")).toBeNull();
    expect(
      decodeCursor(
        Buffer.from("not-a-date|0b8f6a52-3c1e-4b7a-9d2f-5e4c3b2a1f00").toString("base64url"),
      ),
    ).toBeNull();
    expect(
      decodeCursor(
        Buffer.from("2026-11-29T13:10:05.123Z|'; drop table sessions").toString("base64url"),
      ),
    ).toBeNull();
  });

  it("refuse ids that only look like UUIDs and times outside what a row can have", () => {
    const id = "0b8f6a52-3c1e-4b7a-9d2f-5e4c3b2a1f00";
    const time = "2026-11-29T13:10:05.123Z";
    const cursor = (text: string) => Buffer.from(text).toString("base64url");
    for (const text of [
      `${time}|${"0".repeat(36)}`,
      `${time}|${"-".repeat(36)}`,
      `${time}|${"a".repeat(36)}`,
      `${time}|${id.replaceAll("-", "")}`,
      `${time}|${id}|extra`,
      `+275760-09-13T00:00:00.000Z|${id}`,
      `-271821-04-20T00:00:00.000Z|${id}`,
      `+010000-01-01T00:00:00.000Z|${id}`,
      `0000-01-01T00:00:00.000Z|${id}`,
      `1969-12-31T23:59:59.999Z|${id}`,
      `2026-02-30T00:00:00.000Z|${id}`,
      `2026|${id}`,
      `2026-11-29T13:10:05Z|${id}`,
      `${time}\u0000|${id}`,
      `|${id}`,
      "|",
      "",
    ]) {
      expect(decodeCursor(cursor(text)), text).toBeNull();
    }
    expect(decodeCursor(cursor(`9999-12-31T23:59:59.999Z|${id}`))).toEqual({
      createdAt: new Date("9999-12-31T23:59:59.999Z"),
      id,
    });
    expect(decodeCursor(cursor(`${time}|${id.toUpperCase()}`))?.id).toBe(id);
  });
});

describe("field errors", () => {
  it("key validation issues by their dotted path, and pass explicit field errors through", () => {
    const issues = [
      {
        path: ["textOverlay", "productName"],
        message: "Product name must be at most 50 characters",
      },
      { path: ["styleKeywords", 0], message: "too long" },
      { path: [], message: "Bad request" },
    ];
    expect(fieldErrorsFrom({ issues })).toEqual({
      "textOverlay.productName": ["Product name must be at most 50 characters"],
      "styleKeywords.0": ["too long"],
      _form: ["Bad request"],
    });
    expect(fieldErrorsFrom(new FieldErrorsCause({ email: ["taken"] }))).toEqual({
      email: ["taken"],
    });
    expect(fieldErrorsFrom(new Error("plain"))).toBeNull();
  });
});
