import {
  assetMetadataSchemas,
  lastRequestSchema,
  sessionPlanSchema,
  type AssetMetadata,
  type AssetType,
  type LastRequest,
  type SessionPlan,
} from "@adgen/schemas";
import { z } from "zod";

/*
 * `$type<>()` only tells TypeScript what a JSON column holds; these check it where it is
 * read, so a row written by an older version (or by hand) fails here, naming the column
 * and the row, instead of travelling on as a wrong cast.
 */

/** A JSON column whose stored value does not have the shape this version expects. */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    readonly rowId: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `${column} of row ${rowId} does not have the expected shape:\n` +
        z.prettifyError(new z.ZodError(issues)),
    );
    this.name = "StoredJsonError";
  }
}

function parseStored<S extends z.ZodType>(
  schema: S,
  value: unknown,
  column: string,
  rowId: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredJsonError(column, rowId, result.error.issues);
  return result.data;
}

/** `sessions.plan`, checked. */
export function parsePlan(session: { id: string; plan: unknown }): SessionPlan {
  return parseStored(sessionPlanSchema, session.plan, "sessions.plan", session.id);
}

/** `sessions.last_request`, checked; null when no step has been asked for yet. */
export function parseLastRequest(session: {
  id: string;
  lastRequest: unknown;
}): LastRequest | null {
  if (session.lastRequest === null || session.lastRequest === undefined) return null;
  return parseStored(lastRequestSchema, session.lastRequest, "sessions.last_request", session.id);
}

/**
 * `assets.metadata` of an asset of the given type, checked: the type is named by the
 * caller, so the result is that type's metadata (an asset of another type is an error).
 */
export function parseAssetMetadata<T extends AssetType>(
  asset: { id: string; type: AssetType; metadata: unknown },
  type: T,
): AssetMetadata<T> {
  if (asset.type !== type) {
    throw new Error(`asset ${asset.id} is of type ${asset.type}, not ${type}`);
  }
  return parseStored(assetMetadataSchemas[type], asset.metadata, "assets.metadata", asset.id);
}
