import { ASSET_TYPES, STAGES } from "@adgen/schemas";
import { pgEnum } from "drizzle-orm/pg-core";

export const stageEnum = pgEnum("stage", STAGES);
export const assetTypeEnum = pgEnum("asset_type", ASSET_TYPES);
