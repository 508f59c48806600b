import {
  commitAssetWithCosts,
  findAssetByWorkKey,
  type AssetRow,
  type Database,
  type NewAsset,
} from "@adgen/db";
import type { AssetMetadata, AssetType, Stage } from "@adgen/schemas";
import { assetKey, type Storage } from "@adgen/storage";
import { randomUUID } from "node:crypto";
import { successLine, type Billed } from "./calls";

/** A finished unit of work: its file, its asset row and the calls that made it. */
export interface Unit<T extends AssetType> {
  sessionId: string;
  stage: Stage;
  /** The unit's work key: stored once, charged once. */
  workKey: string;
  kind: T;
  file: { bytes: Buffer; contentType: string; extension: string };
  /** The asset's own columns; cost, model and time come from `charges`. */
  asset: Omit<
    NewAsset,
    | "id"
    | "sessionId"
    | "type"
    | "storageKey"
    | "contentType"
    | "byteSize"
    | "workKey"
    | "metadata"
    | "costMicros"
    | "model"
    | "generationMs"
  > & { metadata: AssetMetadata<T> };
  /** The calls that made it, the first naming the asset's model; each has its own line. */
  charges: { agent: string; billed: Billed; reservedMicros: number; workKey?: string }[];
}

/**
 * Stores the file, then the asset and its cost lines in one transaction. If another
 * attempt already committed the unit, this one is charged nothing, its file is deleted
 * and the winner's asset comes back.
 */
export async function commitUnit<T extends AssetType>(
  deps: { db: Database; storage: Storage },
  unit: Unit<T>,
): Promise<AssetRow> {
  const id = randomUUID();
  const { sessionId, stage, workKey } = unit;
  const storageKey = assetKey({ sessionId, kind: unit.kind, id, extension: unit.file.extension });
  const stored = await deps.storage.put(storageKey, unit.file.bytes, {
    contentType: unit.file.contentType,
  });
  const lines = unit.charges.map((c) =>
    successLine(
      { sessionId, stage, agent: c.agent, model: c.billed.model, workKey: c.workKey ?? workKey },
      c.reservedMicros,
      c.billed,
    ),
  );
  const row = await commitAssetWithCosts(
    deps.db,
    {
      ...unit.asset,
      id,
      sessionId,
      type: unit.kind,
      storageKey,
      contentType: unit.file.contentType,
      byteSize: stored.size,
      workKey,
      costMicros: lines.reduce((sum, l) => sum + l.costMicros, 0),
      model: lines[0]?.model ?? null,
      generationMs: lines.reduce((sum, l) => sum + l.durationMs, 0),
    },
    lines,
  );
  if (row) return row;
  await deps.storage.delete(storageKey);
  const winner = await findAssetByWorkKey(deps.db, sessionId, workKey);
  if (!winner) throw new Error(`unit ${workKey} of session ${sessionId} lost and vanished`);
  return winner;
}
