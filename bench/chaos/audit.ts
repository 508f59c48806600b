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
): Promise<{ problems: string[]; unreachedCalls: number }> {
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
  return { problems, unreachedCalls: ledgerCheck.unreached };
}

type LedgerLine = Pick<CostRow, "agent" | "costMicros" | "status">;

/**
 * Every paid call has exactly one line. A call whose worker was killed after it was paid
 * (before its unit was committed) has an `interrupted` line, charged at its estimate; so
 * has a call killed before or while it ran, which never returned paid: those are counted
 * (`unreached`) and reported, not failed. Per agent, the calls with a final
 * line plus those covered by an interrupted line must be all the paid calls.
 */
export function checkLedger(paidCalls: PaidCall[], ledger: LedgerLine[]) {
  const problems: string[] = [];
  let unreached = 0;
  const pending = ledger.filter((l) => l.status === "pending").length;
  if (pending > 0) problems.push(`${pending} ledger lines are still pending`);
  const agents = new Set([...paidCalls.map((c) => c.agent), ...PAID_AGENTS]);
  const sum = (micros: number[]) => micros.reduce((a, b) => a + b, 0);
  let paidMicros = 0;
  let finalMicros = 0;
  let interruptedMicros = 0;
  for (const agent of agents) {
    const paid = paidCalls.filter((c) => c.agent === agent);
    const lines = ledger.filter((l) => l.agent === agent && l.status !== "pending");
    const interrupted = lines.filter((l) => l.status === "interrupted");
    const finals = lines.filter((l) => l.status !== "interrupted");
    paidMicros += sum(paid.map((c) => usdToMicros(c.costUsd)));
    finalMicros += sum(finals.map((l) => l.costMicros));
    interruptedMicros += sum(interrupted.map((l) => l.costMicros));
    const cut = paid.length - finals.length;
    if (cut < 0 || cut > interrupted.length) {
      problems.push(
        `${agent}: ${paid.length} paid calls but ${finals.length} final and ${interrupted.length} interrupted ledger lines`,
      );
    } else {
      unreached += interrupted.length - cut;
    }
  }
  // Money across agents (a clip's estimate also covers its analysis): the final lines cost
  // exactly what their calls did, and interrupted lines at most their estimates.
  if (paidMicros < finalMicros || paidMicros > finalMicros + interruptedMicros) {
    problems.push(
      `paid calls cost $${paidMicros / 1e6}, but final ledger lines $${finalMicros / 1e6} and interrupted ones $${interruptedMicros / 1e6}`,
    );
  }
  return { problems, unreached };
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
