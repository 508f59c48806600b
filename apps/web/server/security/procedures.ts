import { appRouter } from "@adgen/api";

export type ProcedureType = "query" | "mutation" | "subscription";

interface SchemaLike {
  safeParse: (value: unknown) => {
    success: boolean;
    error?: { issues: { path: PropertyKey[] }[] };
  };
}

export interface ProcedureInfo {
  path: string;
  type: ProcedureType;
  /** The procedure's input schema (the real one, from the router), if it takes input. */
  schema: SchemaLike | null;
  /** Whether its input object has a `sessionId` key. */
  takesSessionId: boolean;
}

type RawProcedure = { _def: { type: ProcedureType; inputs: unknown[] } };

function shapeKeys(schema: unknown): string[] {
  const s = schema as { shape?: object; _zod?: { def?: { shape?: object } } } | undefined;
  return Object.keys(s?.shape ?? s?._zod?.def?.shape ?? {});
}

/** Every procedure the router serves, read from the router itself (not from a list). */
export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, RawProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => {
      const [schema] = procedure._def.inputs;
      return {
        path,
        type: procedure._def.type,
        schema: (schema as SchemaLike | undefined) ?? null,
        takesSessionId: procedure._def.inputs.some((s) => shapeKeys(s).includes("sessionId")),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function procedure(path: string): ProcedureInfo {
  const found = listProcedures().find((p) => p.path === path);
  if (!found) throw new Error(`no procedure ${path}`);
  return found;
}

/**
 * The dotted path of the first validation issue for `input`, "_form" for the whole input,
 * or null when the input is valid: the field the server must name.
 */
export function firstInvalidField(info: ProcedureInfo, input: unknown): string | null {
  if (!info.schema) return null;
  const result = info.schema.safeParse(input);
  if (result.success) return null;
  const path = result.error?.issues[0]?.path ?? [];
  return (
    path.map((p) => (typeof p === "symbol" ? (p.description ?? "") : String(p))).join(".") ||
    "_form"
  );
}
