import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AssetMetadata } from "@adgen/schemas";
import { assetTypeEnum } from "./enums";
import { sessions } from "./sessions";

/** Anything a session produced: images, clips, music, final videos. */
export const assets = pgTable(
  "assets",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    type: assetTypeEnum().notNull(),
    storageKey: text().notNull(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: "number" }).notNull().default(0),
    /**
     * A stable name for the unit of work that made the asset ("image:3", "clip:<imageId>"),
     * so a retried job can see what is already done.
     */
    workKey: text(),
    viewType: text(),
    seed: bigint({ mode: "number" }),
    sourceImageId: uuid(),
    duration: real(),
    width: integer(),
    height: integer(),
    fps: real(),
    /**
     * Shaped by `type` (see `assetMetadataSchemas`); read it with `parseAssetMetadata`,
     * which checks the stored shape. The default predates typed metadata and stays so the
     * column is unchanged; every asset the pipeline makes has its own.
     */
    metadata: jsonb()
      .$type<AssetMetadata>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    costMicros: bigint({ mode: "number" }).notNull().default(0),
    model: text(),
    generationMs: integer(),
    approved: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assets_session_type_idx").on(t.sessionId, t.type, t.createdAt),
    index("assets_storage_key_idx").on(t.storageKey),
    // Two workers finishing the same unit of work can store it only once.
    uniqueIndex("assets_session_work_key_unique")
      .on(t.sessionId, t.workKey)
      .where(sql`${t.workKey} is not null`),
  ],
);
