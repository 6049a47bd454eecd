// npm start (production server) and npm run dev (--dev: next dev). On a fresh machine after `npm install`:
//   1. load the same .env files as Next; without AUTH_SECRET, generate one once and keep it in
//      .data/auth-secret (mode 600); PORT defaults to 3000; NEXT_TELEMETRY_DISABLED=1 is always set;
//   2. run scripts/prepare.ts in a child process: migrations, reference data, the demo seed, the build
//      (see there);
//   3. production: run the server processes, each scripts/serve.ts (Next through its programmatic API in a
//      node:http server that hands the TCP peer's address to the app, issue 11), as node:cluster workers
//      sharing PORT — one per core on PostgreSQL (WEB_CONCURRENCY sets another number), one on the embedded
//      PGlite database (ADR 0002) — replacing a worker that dies and stopping them all gracefully on SIGTERM /
//      SIGINT (scripts/cluster/, ADR 0032). --dev: `next dev`, one process.
// This process lives as long as the server: it imports no Prisma, no Next (issue 14: under 100 MB RSS).
//
// Worker memory (issue 14: each worker under 512 MB RSS under load). A worker's RSS is its V8 heap plus about
// 150–250 MB outside it: the node binary and Next's native SWC module (file-backed, ~100 MB), glibc's malloc
// arenas, buffers. Left alone, V8 sizes its heap from the machine (≈ 2–4 GB) and collects lazily, and glibc
// opens up to 8 arenas per core that fragment under concurrent requests: a worker reached ~970 MB. So each
// worker gets (unless NODE_OPTIONS already sets them) a V8 old-space ceiling, workerHeapMb(): the instance's
// memory (its cgroup limit, else the machine's) × 3/4 shared by the workers, less 200 MB outside the heap each,
// between 128 and 256 MB — 256 wherever the instance has ≥ 608 MB per worker — and MALLOC_ARENA_MAX=2. Raise it with
// NODE_OPTIONS=--max-old-space-size=<MB> for pages whose live data is larger. (scripts/serve.ts also turns off
// Node's source-map support, which kept ~60 MB of source maps per worker; ADR 0032 has the measurements.)
// Run with `node --import tsx` (package.json): tsx's own CLI would add a process in between.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nextEnv from "@next/env";
import { resolveDatabaseConfig } from "../lib/db/config";
import { poolSizePerWorker, resolveConcurrency } from "./cluster/policy";
import { superviseWorkers } from "./cluster/supervisor";

const ROOT = process.cwd();
const DEV = process.argv.includes("--dev");
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const PREPARE_SCRIPT = path.join(ROOT, "scripts", "prepare.ts");
const SERVE_SCRIPT = path.join(ROOT, "scripts", "serve.ts");
const SECRET_FILE = path.join(ROOT, ".data", "auth-secret");

const log = (m: string) => console.log(`[rantai] ${m}`);
const warn = (m: string) => console.warn(`[rantai] WARNING: ${m}`);

const WORKER_HEAP_MIN_MB = 128;
const WORKER_HEAP_MAX_MB = 256;
const WORKER_NON_HEAP_MB = 200;

/** The V8 old-space ceiling of each of `workers` server processes, in MB (see the top of this file). */
function workerHeapMb(workers: number): number {
  const limits = [os.totalmem(), process.constrainedMemory?.() ?? 0].filter((n) => n > 0 && Number.isFinite(n));
  const instanceMb = Math.min(...limits) / 2 ** 20;
  const share = Math.floor((instanceMb * 0.75) / Math.max(1, workers)) - WORKER_NON_HEAP_MB;
  return Math.max(WORKER_HEAP_MIN_MB, Math.min(WORKER_HEAP_MAX_MB, share));
}

/** NODE_OPTIONS and MALLOC_ARENA_MAX for the workers: the deployment's own values win. */
function workerMemoryEnv(workers: number): { env: Record<string, string>; heapMb: number | null } {
  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  const heapMb = /--max-old-space-size[= ]/.test(nodeOptions) ? null : workerHeapMb(workers);
  return {
    env: {
      ...(heapMb !== null ? { NODE_OPTIONS: `${nodeOptions} --max-old-space-size=${heapMb}`.trim() } : {}),
      ...(process.env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: "2" }),
    },
    heapMb,
  };
}

function loadEnvironment() {
  // The same .env files Next loads, so this script, the set-up and the server agree on DATABASE_URL etc.
  nextEnv.loadEnvConfig(ROOT, DEV, { info: () => {}, error: console.error });
  process.env.NEXT_TELEMETRY_DISABLED = "1";
}

function prepareAuthEnvironment(port: string) {
  if (!process.env.AUTH_SECRET && process.env.NEXTAUTH_SECRET) process.env.AUTH_SECRET = process.env.NEXTAUTH_SECRET;
  if (!process.env.AUTH_SECRET) {
    let secret = "";
    if (fs.existsSync(SECRET_FILE)) secret = fs.readFileSync(SECRET_FILE, "utf8").trim();
    if (secret.length < 32) {
      secret = crypto.randomBytes(32).toString("base64url");
      fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
      fs.writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
      log(`generated a session secret in ${path.relative(ROOT, SECRET_FILE)}`);
    }
    fs.chmodSync(SECRET_FILE, 0o600);
    process.env.AUTH_SECRET = secret;
    warn(
      "AUTH_SECRET is not set; using the secret kept in .data/auth-secret. Production deployments must set " +
        "AUTH_SECRET, with the same value on every instance (sessions signed by one must verify on the others).",
    );
  }
  process.env.NEXTAUTH_SECRET ||= process.env.AUTH_SECRET;
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
}

// ---------------------------------------------------------------------------------------------
// Child processes (set-up, next dev) and signals
// ---------------------------------------------------------------------------------------------

let child: ChildProcess | null = null;
let interrupted: NodeJS.Signals | null = null;
const exitCodeOf = (signal: NodeJS.Signals) => 128 + (os.constants.signals[signal] ?? 1);

/** While a child runs, signals go to it (the set-up stops after its current step; a second signal at once). */
function forwardSignals() {
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = () => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
      else if (interrupted) process.exit(exitCodeOf(signal));
      interrupted = signal;
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

/** Runs a child to its end with the signals forwarded; resolves with its exit code (128 + n for a signal). */
function runChild(command: string, args: string[], nodeEnv: "production" | "development"): Promise<number> {
  return new Promise((resolve) => {
    const proc = spawn(command, args, { stdio: "inherit", env: { ...process.env, NODE_ENV: nodeEnv } });
    child = proc;
    proc.on("error", (err) => {
      console.error(`[rantai] could not run ${path.basename(args[args.length - 1] ?? command)}: ${err.message}`);
      child = null;
      resolve(1);
    });
    proc.on("close", (code, signal) => {
      child = null;
      resolve(code ?? (signal ? exitCodeOf(signal) : 1));
    });
  });
}

async function main(): Promise<number> {
  loadEnvironment();
  const port = process.env.PORT?.trim() || "3000";
  if (!/^\d+$/.test(port)) throw new Error(`PORT must be a number (got "${port}")`);
  process.env.PORT = port;
  prepareAuthEnvironment(port);
  if (!fs.existsSync(NEXT_BIN)) throw new Error("node_modules/.bin/next is missing: run `npm install` first");
  const database = resolveDatabaseConfig().kind;

  const stopForwarding = forwardSignals();
  // Migrations, seed and build in a child (node --import tsx, as this process runs): Prisma and the build
  // tooling are loaded there and gone when it ends.
  const prepared = await runChild(
    process.execPath,
    [...process.execArgv, PREPARE_SCRIPT, ...(DEV ? ["--dev"] : [])],
    DEV ? "development" : "production",
  );
  if (prepared !== 0) return prepared;
  if (interrupted) return exitCodeOf(interrupted);

  if (DEV) {
    // next dev hands no peer address to the app: per-address limits need TRUST_PROXY=1 and a proxy there.
    log(`serve: next dev -p ${port} → http://localhost:${port}`);
    return runChild(NEXT_BIN, ["dev", "-p", port], "development");
  }
  stopForwarding();

  const { workers, reason } = resolveConcurrency(process.env.WEB_CONCURRENCY, os.availableParallelism(), database);
  const pool = poolSizePerWorker(process.env.DATABASE_POOL_SIZE, workers);
  const poolSize = pool ?? Number(process.env.DATABASE_POOL_SIZE);
  log(
    `serve: ${workers} server process(es) — ${reason} — scripts/serve.ts (Next, production) → http://localhost:${port}` +
      (database === "postgres" ? `; up to ${poolSize} database connection(s) each, ${workers * poolSize} in all (DATABASE_POOL_SIZE)` : ""),
  );
  const memory = workerMemoryEnv(workers);
  log(
    `memory: ${memory.heapMb !== null ? `V8 heap ceiling ${memory.heapMb} MB per server process` : "V8 heap ceiling from NODE_OPTIONS"}` +
      `; MALLOC_ARENA_MAX=${memory.env.MALLOC_ARENA_MAX ?? process.env.MALLOC_ARENA_MAX}`,
  );
  Object.assign(process.env, { NODE_ENV: "production" }); // the workers inherit it
  return superviseWorkers({
    exec: SERVE_SCRIPT,
    workers,
    env: (slot) => ({
      ...memory.env,
      ...(pool !== null ? { DATABASE_POOL_SIZE: String(pool) } : {}),
      // The notification jobs are safe in every process (SKIP LOCKED) but one per instance is enough: slot 0
      // (and its replacement) runs them, unless the deployment switched them off everywhere.
      ...(slot > 0 ? { RANTAI_BACKGROUND_JOBS: "off" } : {}),
    }),
    log,
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[rantai] start failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);
