import { readdir, readlink } from "node:fs/promises";
import path from "node:path";
import {
  findReferencedStorageKeys,
  findSessionById,
  listSessionAssets,
  listSessionCosts,
  parseAssetMetadata,
  type CostRow,
  type Database,
} from "@adgen/db";
import { usdToMicros } from "@adgen/schemas";
import { SESSIONS_FOLDER, type Storage } from "@adgen/storage";
import type { FlowResult } from "./flow";
import { PAID_AGENTS, type PaidCall } from "./paid-calls";
import { CLIPS_PER_SESSION, IMAGES_PER_SESSION } from "./settings";

export interface AuditInput {
  db: Database;
  storage: Storage;
  mediaRoot: string;
  tmpDir: string;
  flows: FlowResult[];
  paidCalls: PaidCall[];
  /** Which process was killed when (epoch ms). */
  kills: { pid: number; at: number }[];
}

/** Counts per key. */
function tally<T>(items: T[], key: (item: T) => string) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * The chaos test's assertions, each a sentence when it fails: every session complete, no
 * unit stored twice, every paid call on exactly one ledger line, no total past its cap, and
 * no temp folder, ffmpeg, orphan file or cut-short write left.
 */
export async function auditChaosRun(
  input: AuditInput,
): Promise<{ problems: string[]; unreachedCalls: number; linesAtEstimate: number }> {
  const problems: string[] = [];
  const ledger: LedgerLine[] = [];

  for (const flow of input.flows) {
    const name = `session ${flow.sessionId.slice(0, 8)}`;
    if (flow.stage !== "complete") problems.push(`${name} ended ${flow.stage}: ${flow.error}`);
    const session = await findSessionById(input.db, flow.sessionId);
    if (!session) {
      problems.push(`${name} is gone`);
      continue;
    }
    const assets = await listSessionAssets(input.db, flow.sessionId);
    const units = tally(assets, (a) => {
      if (a.type === "image") return `image view ${parseAssetMetadata(a, "image").viewIndex}`;
      if (a.type === "video") return `clip of image ${a.sourceImageId}`;
      return a.type;
    });
    for (const [unit, count] of units) {
      if (count > 1) problems.push(`${name} has ${count} assets for one unit (${unit})`);
    }
    if (flow.stage === "complete") {
      const expected = {
        image: IMAGES_PER_SESSION,
        video: CLIPS_PER_SESSION,
        audio: 1,
        final_video: 1,
      };
      for (const [type, count] of Object.entries(expected)) {
        const found = assets.filter((a) => a.type === type).length;
        if (found !== count)
          problems.push(`${name} has ${found} ${type} assets, expected ${count}`);
      }
    }

    const lines = await listSessionCosts(input.db, flow.sessionId);
    ledger.push(...lines);
    const spent = lines.reduce((sum, l) => sum + l.costMicros, 0);
    const cap = session.budgetMicros;
    if (spent > cap) problems.push(`${name}'s ledger totals ${spent} µ$, past its cap of ${cap}`);
    if (session.totalCostMicros > cap) {
      problems.push(`${name}'s total ${session.totalCostMicros} µ$ is past its cap of ${cap}`);
    }
    if (usdToMicros(flow.maxCostSeen) > cap) {
      problems.push(`${name} showed a total of $${flow.maxCostSeen}, past its cap`);
    }
    if (session.totalCostMicros !== spent) {
      problems.push(
        `${name}'s total ${session.totalCostMicros} µ$ differs from its ledger ${spent}`,
      );
    }
  }

  const ledgerCheck = checkLedger(input.paidCalls, ledger);
  problems.push(...ledgerCheck.problems);
  problems.push(...(await findDebris(input)));
  return {
    problems,
    unreachedCalls: ledgerCheck.unreached,
    linesAtEstimate: ledgerCheck.atEstimate,
  };
}

type LedgerLine = Pick<CostRow, "agent" | "costMicros" | "status" | "billingRefs" | "settledAt">;

/**
 * Every paid call has exactly one line, and the ledger's money is what was paid. A call
 * whose worker was killed (before it returned, or after but before its unit was committed)
 * has an `interrupted` line, settled at what the books say its call was billed: nothing
 * when it never returned (`unreached`, counted and reported). An interrupted line left at
 * its estimate (its reference was never noted) may cover a paid call or none. Per agent,
 * the calls with a final line plus those covered by interrupted lines must be all the
 * paid calls.
 */
export function checkLedger(paidCalls: PaidCall[], ledger: LedgerLine[]) {
  const problems: string[] = [];
  let unreached = 0;
  let atEstimate = 0;
  const pending = ledger.filter((l) => l.status === "pending").length;
  if (pending > 0) problems.push(`${pending} ledger lines are still pending`);
  const agents = new Set([...paidCalls.map((c) => c.agent), ...PAID_AGENTS]);
  const sum = (micros: number[]) => micros.reduce((a, b) => a + b, 0);
  const paidByRef = new Map(paidCalls.map((c) => [c.ref, c]));
  let paidMicros = 0;
  let exactMicros = 0;
  let estimatedMicros = 0;
  for (const agent of agents) {
    const paid = paidCalls.filter((c) => c.agent === agent);
    const lines = ledger.filter((l) => l.agent === agent && l.status !== "pending");
    const interrupted = lines.filter((l) => l.status === "interrupted");
    const finals = lines.filter((l) => l.status !== "interrupted");
    const settled = interrupted.filter((l) => l.settledAt !== null);
    const unsettled = interrupted.filter((l) => l.settledAt === null);
    paidMicros += sum(paid.map((c) => usdToMicros(c.costUsd)));
    exactMicros += sum([...finals, ...settled].map((l) => l.costMicros));
    estimatedMicros += sum(unsettled.map((l) => l.costMicros));
    atEstimate += unsettled.length;
    // A settled line's calls are known by reference: each paid one is covered by it.
    const coveredBySettled = settled.flatMap((l) => l.billingRefs).filter((r) => paidByRef.has(r));
    unreached += settled.filter((l) => !l.billingRefs.some((r) => paidByRef.has(r))).length;
    for (const line of settled) {
      const billed = sum(line.billingRefs.map((r) => usdToMicros(paidByRef.get(r)?.costUsd ?? 0)));
      if (billed !== line.costMicros) {
        problems.push(
          `${agent}: an interrupted line settled at ${line.costMicros} µ$ but its calls were billed ${billed}`,
        );
      }
    }
    const cut = paid.length - finals.length - coveredBySettled.length;
    if (cut < 0 || cut > unsettled.length) {
      problems.push(
        `${agent}: ${paid.length} paid calls but ${finals.length} final, ${settled.length} settled and ${unsettled.length} unsettled interrupted ledger lines`,
      );
    }
  }
  // Money across agents (a clip's estimate also covers its analysis): final and settled
  // lines cost exactly what their calls did, lines at their estimate at most that.
  if (paidMicros < exactMicros || paidMicros > exactMicros + estimatedMicros) {
    problems.push(
      `paid calls cost $${paidMicros / 1e6}, but final and settled ledger lines $${exactMicros / 1e6} and lines at their estimate $${estimatedMicros / 1e6}`,
    );
  }
  return { problems, unreached, atEstimate };
}

/** Files without a row, cut-short writes, temp folders and ffmpeg processes left behind. */
async function findDebris(input: AuditInput): Promise<string[]> {
  const problems: string[] = [];
  const keys: string[] = [];
  for await (const object of input.storage.list(SESSIONS_FOLDER)) keys.push(object.key);
  const referenced = await findReferencedStorageKeys(input.db, keys);
  for (const key of keys) if (!referenced.has(key)) problems.push(`orphan file ${key}`);

  const files = await readdir(input.mediaRoot, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  const names = new Set(files.map((f) => path.join(f.parentPath, f.name)));
  for (const file of files) {
    if (!file.isFile() || !file.name.startsWith(".")) continue;
    const sidecarOf = /^\.(.+)\.type$/.exec(file.name)?.[1];
    const object = sidecarOf && path.join(file.parentPath, sidecarOf);
    if (object && !object.endsWith(".tmp") && names.has(object)) continue;
    problems.push(
      `cut-short write ${path.relative(input.mediaRoot, path.join(file.parentPath, file.name))}`,
    );
  }

  for (const entry of await readdir(input.tmpDir, { recursive: true }).catch(() => [])) {
    problems.push(`temp left behind: ${entry}`);
  }
  for (const pid of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => "");
    if (cwd.startsWith(input.tmpDir + path.sep))
      problems.push(`process ${pid} still runs in ${cwd}`);
  }
  return problems;
}
