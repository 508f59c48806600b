import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type DbConnection } from "@adgen/db";
import { createEmptyDatabase } from "@adgen/db/testing";
import { createLocalStorage } from "@adgen/storage";
import { auditChaosRun } from "./audit";
import { inheritedEnv } from "./env";
import { runFlow, signUp, type FlowResult } from "./flow";
import { readPaidCalls } from "./paid-calls";
import { PHASES, sessionPhase, type Phase } from "./phases";
import {
  freePort,
  startProcess,
  stopProcess,
  waitForOutput,
  type RunningProcess,
} from "./processes";
import { seededRandom } from "./random";
import { FLOW_COST_USD } from "./settings";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const WEB_DIR = path.join(REPO, "apps/web");
const WORKER_DIR = path.join(REPO, "apps/worker");
const CHAOS_WORKER = fileURLToPath(new URL("./chaos-worker.ts", import.meta.url));

export interface ChaosOptions {
  /** The PostgreSQL server (DATABASE_URL); the run makes and drops a database of its own. */
  serverUrl: string;
  /** Users making ads at once; each starts another ad until the kills are done. */
  sessions: number;
  /** How many times a worker is killed (`kill -9`) and restarted. */
  kills: number;
  seed: number;
  /** Added to every model call, so kills can land inside each phase. */
  latencyMs: number;
  /** Pause between kills, in ms. */
  killGapMs: [number, number];
  /**
   * Each session's cap. A call cut by a kill is charged (interrupted, at its estimate) and
   * made again, so a session killed a few times spends well past one flow's cost; a double
   * charge shows in the audit's line-per-call check, not through the cap.
   */
  budgetUsd?: number;
  log: (line: string) => void;
  /** Prints the children's output as it comes. */
  echo?: boolean;
}

export interface Kill {
  atMs: number;
  worker: string;
  pid: number;
  /** Epoch ms of the kill. */
  at: number;
  /** What the running sessions were doing when it happened. */
  phases: Phase[];
}

export interface ChaosReport {
  seed: number;
  flows: FlowResult[];
  kills: Kill[];
  /** Kills that happened while some session was in each phase. */
  coverage: Record<Phase, number>;
  problems: string[];
  /** Interrupted ledger lines whose call never returned paid (killed before or during it). */
  unreachedCalls: number;
  /** Interrupted lines left at their estimate: no reference of their call was noted. */
  linesAtEstimate: number;
  durationMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Production's web server needs the Remix build; turbo makes it (or takes it from its cache). */
function ensureWebBuild(log: (line: string) => void) {
  if (existsSync(path.join(WEB_DIR, "build/server/index.js"))) return;
  log("building the web app for its production start…");
  const built = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@adgen/web"], {
    cwd: REPO,
    stdio: "inherit",
  });
  if (built.status !== 0) throw new Error("the web build failed");
}

/**
 * PostgreSQL, the web server (production start, WORKER_MODE=external) and two stand-alone
 * workers; `sessions` users each make a whole ad through the SDK while a worker is killed
 * with SIGKILL `kills` times, at moments spread over the phases of the flow, and restarted.
 * Then everything is stopped and audited (see audit.ts).
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const { log } = options;
  const random = seededRandom(options.seed);
  ensureWebBuild(log);
  const root = await mkdtemp(path.join(tmpdir(), "adgen-chaos-"));
  const dataDir = path.join(root, "data");
  const tmpDir = path.join(root, "tmp");
  await mkdir(tmpDir, { recursive: true });
  const callLog = path.join(root, "paid-calls.jsonl");
  const database = await createEmptyDatabase(options.serverUrl, "adgen_chaos");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const budgetUsd = options.budgetUsd ?? Math.ceil(FLOW_COST_USD * 3 * 1000) / 1000;

  const common: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    TMPDIR: tmpDir,
    STORAGE_DRIVER: "local",
    GENERATION_PROVIDER: "local",
    WORKER_CONCURRENCY: "2",
    CALL_CONCURRENCY: "2",
    JOB_HEARTBEAT_SECONDS: "10",
    JOB_SUPERVISE_SECONDS: "2",
    JOB_RETRY_DELAY_SECONDS: "1",
    MAINTENANCE_INTERVAL_SECONDS: "3",
    ORPHAN_GRACE_SECONDS: "10",
  };
  const echo = options.echo ? log : undefined;
  const web = startProcess(
    "web",
    {
      entry: "server/main.ts",
      cwd: WEB_DIR,
      env: {
        ...common,
        NODE_ENV: "production",
        WORKER_MODE: "external",
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: baseUrl,
        SESSION_BUDGET_USD: String(budgetUsd),
      },
    },
    echo,
  );
  let workerCount = 0;
  const startWorker = () =>
    startProcess(
      `worker-${++workerCount}`,
      {
        entry: CHAOS_WORKER,
        cwd: WORKER_DIR,
        env: { ...common, CHAOS_CALL_LOG: callLog, CHAOS_LATENCY_MS: String(options.latencyMs) },
      },
      echo,
    );
  // Web and workers start together on the empty database: they all migrate it at once.
  const workers: RunningProcess[] = [startWorker(), startWorker()];
  let conn: DbConnection | null = null;
  const flows: FlowResult[] = [];
  const kills: Kill[] = [];
  try {
    await Promise.all([
      waitForOutput(web, "listening on", 120_000),
      ...workers.map((w) => waitForOutput(w, "ready:", 120_000)),
    ]);
    log(`web on ${baseUrl}, workers ${workers.map((w) => w.pid).join(" and ")}; cap $${budgetUsd}`);
    conn = await openDatabase({ databaseUrl: database.url, poolSize: 3 });
    const db = conn.db;

    const sessionIds: string[] = [];
    let settled = 0;
    const flowRuns = Array.from({ length: options.sessions }, async (_, i) => {
      await sleep(i * random.between(1_000, 3_000));
      try {
        const client = await signUp(baseUrl, {
          email: `chaos-${i}@example.com`,
          password: "chaos-password",
        });
        // Ads keep coming until every kill has happened, so each phase meets its kills.
        do {
          const flow = await runFlow(client, (id) => sessionIds.push(id));
          flows.push(flow);
          const error = flow.error ? `: ${flow.error}` : "";
          log(`session ${flow.sessionId.slice(0, 8)} ended ${flow.stage}${error}`);
        } while (kills.length < options.kills);
      } finally {
        settled += 1;
      }
    });

    const runningPhases = async () => {
      const phases: Phase[] = [];
      for (const id of sessionIds) {
        const phase = await sessionPhase(db, id);
        if (phase) phases.push(phase);
      }
      return [...new Set(phases)];
    };

    const killer = (async () => {
      while (kills.length < options.kills && settled < options.sessions) {
        const target = PHASES[kills.length % PHASES.length];
        let phases: Phase[] = [];
        for (let waited = 0; waited < 15_000 && settled < options.sessions; waited += 100) {
          phases = await runningPhases();
          if (target && phases.includes(target)) break;
          await sleep(100);
        }
        if (phases.length === 0) continue;
        await sleep(random.between(0, 300));
        const index = random.between(0, workers.length - 1);
        const victim = workers[index];
        if (!victim) continue;
        const killedAt = Date.now();
        victim.child.kill("SIGKILL");
        await victim.exited;
        const kill = {
          atMs: killedAt - started,
          at: killedAt,
          worker: victim.name,
          pid: victim.pid,
          phases: await runningPhases(),
        };
        kills.push(kill);
        log(
          `kill ${kills.length}: ${victim.name} (pid ${victim.pid}) during ${kill.phases.join(", ") || "nothing"}`,
        );
        await sleep(random.between(200, 1_500));
        workers[index] = startWorker();
        await sleep(random.between(...options.killGapMs));
      }
    })();

    await Promise.all([...flowRuns, killer]);
    log(
      `flows settled after ${Math.round((Date.now() - started) / 1000)} s; waiting for the sweep…`,
    );

    // The sweep runs every 3 s and spares files younger than 10 s: give it time to act.
    const storage = createLocalStorage({ root: path.join(dataDir, "media") });
    const audit = () =>
      auditChaosRun({
        db,
        storage,
        mediaRoot: path.join(dataDir, "media"),
        tmpDir: path.join(tmpDir, "adgen-work"),
        flows,
        paidCalls: readPaidCalls(callLog),
        kills,
      });
    for (let i = 0; i < 30; i++) {
      const debris = (await audit()).problems.filter((p) =>
        /^(orphan file|cut-short write)/.test(p),
      );
      if (debris.length === 0) break;
      await sleep(1_000);
    }
    await Promise.all([...workers, web].map((p) => stopProcess(p)));
    const { problems, unreachedCalls, linesAtEstimate } = await audit();
    const coverage = Object.fromEntries(
      PHASES.map((phase) => [phase, kills.filter((k) => k.phases.includes(phase)).length]),
    ) as Record<Phase, number>;
    return {
      seed: options.seed,
      flows,
      kills,
      coverage,
      problems,
      unreachedCalls,
      linesAtEstimate,
      durationMs: Date.now() - started,
    };
  } finally {
    await Promise.all([...workers, web].map((p) => stopProcess(p, 5_000)));
    await conn?.close();
    await database.drop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
}
