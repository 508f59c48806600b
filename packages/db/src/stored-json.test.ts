import { randomUUID } from "node:crypto";
import type { AssetMetadata, ParsedPrompt, Scene, SessionPlan } from "@adgen/schemas";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSessionAssets } from "./queries/assets";
import { insertUser } from "./queries/auth";
import { findSessionById, insertSession } from "./queries/sessions";
import { assets, sessions } from "./schema/index";
import { parseAssetMetadata, parseLastRequest, parsePlan, StoredJsonError } from "./stored-json";
import { createTestDatabase, type TestDatabase } from "./testing";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

async function newSession() {
  const userId = `u-${Math.random().toString(36).slice(2)}`;
  await insertUser(db(), { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
  return insertSession(db(), { userId, budgetMicros: 10_000_000 });
}

/** Writes a JSON column as an older version (or a hand edit) might have, bypassing types. */
async function writeRaw(column: "plan" | "last_request", sessionId: string, value: unknown) {
  await db().execute(
    sql`update sessions set ${sql.raw(column)} = ${JSON.stringify(value)}::jsonb
      where id = ${sessionId}`,
  );
  return (await findSessionById(db(), sessionId))!;
}

const parsedPrompt: ParsedPrompt = {
  category: "bottle",
  productDescription: "Matte black bottle",
  colors: [{ name: "black", hex: "#111111" }],
  materials: ["aluminium"],
  styleKeywords: [],
  views: [{ viewType: "front", prompt: "front view", negativePrompt: "blurry" }],
  consistencySeed: 42,
};
const scene: Scene = {
  imageId: randomUUID(),
  cameraMove: "orbit",
  intensity: 0.4,
  grade: "warm",
  motionPrompt: "slow orbit",
};

describe("sessions.plan", () => {
  it("reads back what the image and clip steps write", async () => {
    const session = await newSession();
    expect(parsePlan(session)).toEqual({});
    const plan: SessionPlan = {
      runId: randomUUID(),
      parsedPrompt,
      clipRunId: randomUUID(),
      scenes: [scene],
    };
    await db()
      .update(sessions)
      .set({ plan })
      .where(sql`${sessions.id} = ${session.id}`);
    expect(parsePlan((await findSessionById(db(), session.id))!)).toEqual(plan);
  });

  it("refuses a stored plan of another shape, naming the column, the row and the field", async () => {
    const session = await newSession();
    const old = await writeRaw("plan", session.id, {
      runId: randomUUID(),
      parsedPrompt: { productDescription: "only this" },
    });
    const error = (() => {
      try {
        parsePlan(old);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoredJsonError);
    expect(error).toMatchObject({ column: "sessions.plan", rowId: session.id });
    expect((error as Error).message).toContain(`sessions.plan of row ${session.id}`);
    expect((error as Error).message).toContain("parsedPrompt.category");
  });
});

describe("sessions.last_request", () => {
  it("is null before any step, and keyed by step after one", async () => {
    const session = await newSession();
    expect(parseLastRequest(session)).toBeNull();
    // Rows written so far carry the session id too; it is the row's own and is dropped.
    const stored = await writeRaw("last_request", session.id, {
      step: "generateClips",
      sessionId: session.id,
      videoPrompt: "Slow orbit on a marble table",
      clipDuration: 2,
    });
    expect(parseLastRequest(stored)).toEqual({
      step: "generateClips",
      videoPrompt: "Slow orbit on a marble table",
      clipDuration: 2,
    });
  });

  it("refuses an unknown step and a step with the wrong fields", async () => {
    const session = await newSession();
    const unknown = await writeRaw("last_request", session.id, { step: "makeCoffee" });
    expect(() => parseLastRequest(unknown)).toThrow(StoredJsonError);
    const wrong = await writeRaw("last_request", session.id, {
      step: "composeFinalVideo",
      textOverlay: { productName: "Aero" },
    });
    expect(() => parseLastRequest(wrong)).toThrow(/textOverlay\.cta/);
  });
});

describe("assets.metadata", () => {
  it("reads each type's metadata as that type, and refuses a mismatch", async () => {
    const session = await newSession();
    const image: AssetMetadata<"image"> = {
      prompt: "front view",
      negativePrompt: "blurry",
      runId: randomUUID(),
      viewIndex: 2,
    };
    await db()
      .insert(assets)
      .values([
        {
          sessionId: session.id,
          type: "image",
          storageKey: "sessions/x/images/a.png",
          contentType: "image/png",
          metadata: image,
        },
        // The column default, as rows made before typed metadata may hold.
        {
          sessionId: session.id,
          type: "image",
          storageKey: "sessions/x/images/b.png",
          contentType: "image/png",
        },
      ]);
    const rows = await listSessionAssets(db(), session.id, "image");
    const typed = rows.find((r) => r.storageKey.endsWith("a.png"));
    const untyped = rows.find((r) => r.storageKey.endsWith("b.png"));
    expect(parseAssetMetadata(typed!, "image")).toEqual(image);
    expect(() => parseAssetMetadata(typed!, "video")).toThrow(/is of type image, not video/);
    expect(() => parseAssetMetadata(untyped!, "image")).toThrow(StoredJsonError);
    expect(() => parseAssetMetadata(untyped!, "image")).toThrow(/viewIndex/);
  });
});
