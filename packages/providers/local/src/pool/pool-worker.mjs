// The entry of every pool thread. Plain JavaScript, so a thread starts the same way in
// every host: under `node --import tsx` threads inherit tsx's loader and import TypeScript
// task modules directly; under vitest (whose TypeScript loader threads do not get) the
// import fails and tsx's scoped `tsImport` loads them instead.

/** @type {Map<string, Promise<Record<string, unknown>>>} */
const modules = new Map();

async function importTask(moduleUrl) {
  try {
    return await import(moduleUrl);
  } catch (error) {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    const { tsImport } = await import("tsx/esm/api");
    return tsImport(moduleUrl, import.meta.url);
  }
}

function load(moduleUrl) {
  let loading = modules.get(moduleUrl);
  if (!loading) {
    loading = importTask(moduleUrl);
    modules.set(moduleUrl, loading);
  }
  return loading;
}

/** Runs one task: the named export of a module, called with the task's input. */
export default async function runTask({ moduleUrl, exportName, input }) {
  const task = (await load(moduleUrl))[exportName];
  if (typeof task !== "function") {
    throw new TypeError(`${moduleUrl} has no function export named ${exportName}`);
  }
  return task(input);
}
