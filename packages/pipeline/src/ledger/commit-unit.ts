import {
  commitAssetWithCosts,
  findAssetByWorkKey,
  recordUnkeptCall,
  type AssetRow,
  type Database,
  type NewAsset,
} from "@adgen/db";
import type { AssetMetadata, AssetType, Stage } from "@adgen/schemas";
import { assetKey, type Storage } from "@adgen/storage";
import { randomUUID } from "node:crypto";
import { markRecorded, RunLostError, successLine, type Billed, type Spender } from "./calls";

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
 * Stores the file, then the asset and its cost lines in one transaction, while the run is
 * current. Every call that made the unit is recorded exactly once whatever happens: if
 * another attempt already committed the unit, this one's calls are recorded as not kept,
 * its file is deleted and the winner's asset comes back; if the run was replaced, the same
 * but the attempt stops (RunLostError); if storing fails, the calls are recorded as not
 * kept before the error goes on.
 */
export async function commitUnit<T extends AssetType>(
  deps: { db: Database; storage: Storage },
  attempt: Spender,
  unit: Unit<T>,
): Promise<AssetRow> {
  const id = randomUUID();
  const { sessionId, stage, workKey } = unit;
  const storageKey = assetKey({ sessionId, kind: unit.kind, id, extension: unit.file.extension });
  const lines = unit.charges.map((c) =>
    successLine(
      { sessionId, stage, agent: c.agent, model: c.billed.model, workKey: c.workKey ?? workKey },
      attempt.attemptId,
      c.reservedMicros,
      c.billed,
    ),
  );
  let commit: Awaited<ReturnType<typeof commitAssetWithCosts>>;
  try {
    const stored = await deps.storage.put(storageKey, unit.file.bytes, {
      contentType: unit.file.contentType,
    });
    commit = await commitAssetWithCosts(
      deps.db,
      { runId: attempt.runId, stage },
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
  } catch (error) {
    await deps.storage.delete(storageKey).catch(() => undefined);
    for (const line of lines) await recordUnkeptCall(deps.db, line, "Not kept: storing it failed.");
    markRecorded(error);
    throw error;
  }
  if (commit.status === "stored") return commit.row;
  await deps.storage.delete(storageKey);
  if (commit.status === "run_lost") {
    attempt.lose();
    throw new RunLostError();
  }
  const winner = await findAssetByWorkKey(deps.db, sessionId, workKey);
  if (!winner) throw new Error(`unit ${workKey} of session ${sessionId} lost and vanished`);
  return winner;
}
