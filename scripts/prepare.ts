// The set-up half of `npm start` / `npm run dev`, run by scripts/start.ts in a child process before any
// server starts (so the long-lived supervisor never loads Prisma or the build tooling, ADR 0032):
//   1. resolve the database (DATABASE_URL, or the embedded PGlite database under .data/pglite);
//   2. apply pending migrations and the reference data;
//   3. seed the demo data into an empty database — always on the embedded database, on DATABASE_URL only
//      with SEED_DEMO=true — then close the database (PGlite is single-process: the server opens it next);
//   4. (not with --dev) build when .next/BUILD_ID is missing or the sources changed since the last build
//      (a hash of the source tree, stamped into .next/ after a successful build); when another `npm start`
//      in the same checkout is building, wait for it (Next allows one build per .next).
// Exits 0 when the server may start. scripts/start.ts has loaded the .env files and set AUTH_SECRET.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/auth/demo-accounts";
import { describeSeed, migrate, openScriptDatabase, seedDemoIfEmpty } from "./script-db";

const ROOT = process.cwd();
const DEV = process.argv.includes("--dev");
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const STAMP_FILE = path.join(ROOT, ".next", "rantai-build-stamp.json");

// What the production build depends on (hashed to decide whether to rebuild).
const BUILD_INPUT_DIRS = ["app", "components", "lib", "messages", "public", "data"];
const BUILD_INPUT_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "prisma/schema.prisma",
  // Root-level files Next picks up by convention, when they exist.
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
];
const EXCLUDED = new Set(["lib/db/generated"]);

const log = (m: string) => console.log(`[rantai] ${m}`);

function stepTimer() {
  const t = performance.now();
  return () => `${((performance.now() - t) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

async function prepareDatabaseAndSeed() {
  const config = resolveDatabaseConfig();
  log(`database: ${describeDatabase(config)}`);
  const done = stepTimer();
  const sdb = await openScriptDatabase(config);
  try {
    log(`migrate: ${await migrate(sdb, (m) => log(`  ${m}`))} (${done()})`);

    const wantSeed = config.kind === "pglite" || process.env.SEED_DEMO === "true";
    if (!wantSeed) {
      log("seed: skipped (DATABASE_URL is set; SEED_DEMO=true seeds the demo data into an empty database)");
      return;
    }
    const outcome = await seedDemoIfEmpty(sdb);
    if (!outcome.seeded) {
      log(`seed: skipped — ${outcome.reason}`);
      return;
    }
    log(`seed: ${describeSeed(outcome.result)} (${(outcome.ms / 1000).toFixed(1)} s)`);
    log(`demo accounts, password "${DEMO_PASSWORD}":`);
    for (const a of DEMO_ACCOUNTS) log(`  ${a.email.padEnd(28)} ${a.role} — ${a.organization}`);
  } finally {
    await sdb.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

function listFiles(rel: string, out: string[]) {
  if (EXCLUDED.has(rel)) return;
  const abs = path.join(ROOT, rel);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return; // optional input that does not exist
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) {
      if (name === "node_modules" || name === ".DS_Store") continue;
      listFiles(path.posix.join(rel, name), out);
    }
  } else if (stat.isFile()) {
    out.push(rel);
  }
}

/** A hash of everything the build depends on: file paths and contents, NEXT_PUBLIC_* values (inlined at build time). */
function sourceHash(): string {
  const files: string[] = [];
  for (const d of BUILD_INPUT_DIRS) listFiles(d, files);
  for (const f of BUILD_INPUT_FILES) listFiles(f, files);
  const h = crypto.createHash("sha256");
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(fs.readFileSync(path.join(ROOT, f)));
    h.update("\0");
  }
  for (const key of Object.keys(process.env)
    .filter((k) => k.startsWith("NEXT_PUBLIC_"))
    .sort()) {
    h.update(`env:${key}=${process.env[key]}\0`);
  }
  return h.digest("hex");
}

function readStamp(): string | null {
  try {
    return (JSON.parse(fs.readFileSync(STAMP_FILE, "utf8")) as { hash?: string }).hash ?? null;
  } catch {
    return null;
  }
}

function buildIsCurrent(hash: string): boolean {
  return fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && readStamp() === hash;
}

const BUILD_LOCKED = "Another next build process is already running";
const BUILD_LOCK_WAIT_MS = 15 * 60_000;

async function buildIfNeeded() {
  const hash = sourceHash();
  if (buildIsCurrent(hash)) {
    log("build: up to date");
    return;
  }
  const hasBuild = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  log(
    `build: ${!hasBuild ? "no build yet" : readStamp() ? "sources changed since the last build" : "build not made by npm start"} — running next build`,
  );
  const done = stepTimer();
  const waitUntil = Date.now() + BUILD_LOCK_WAIT_MS;
  for (;;) {
    const { code, output } = await runChild(["build"], "production", { capture: true });
    if (code === 0) break;
    // Another `npm start` in this checkout is building (Next allows one build per .next): wait for it, then
    // use its build when it was made from the same sources.
    if (output.includes(BUILD_LOCKED) && Date.now() < waitUntil) {
      log("build: another next build is running in this checkout; waiting for it, then trying again");
      await new Promise((r) => setTimeout(r, 15_000));
      exitIfInterrupted();
      if (buildIsCurrent(hash)) {
        log(`build: up to date (built by the other process, ${done()})`);
        return;
      }
      continue;
    }
    console.error(`[rantai] next build failed (exit code ${code})`);
    process.exit(code || 1);
  }
  fs.writeFileSync(STAMP_FILE, `${JSON.stringify({ hash, builtAt: new Date().toISOString() }, null, 2)}\n`);
  log(`build: done (${done()})`);
}

// ---------------------------------------------------------------------------------------------
// Child processes and signals
// ---------------------------------------------------------------------------------------------

let child: ChildProcess | null = null;
let interrupted: NodeJS.Signals | null = null;

/** Ctrl-C / SIGTERM: forwarded to `next build` while it runs; otherwise remembered and acted on
 *  after the current step (the database is closed properly); a second signal exits at once. */
function installSignalHandlers() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        return;
      }
      if (interrupted) process.exit(128 + (os.constants.signals[signal] ?? 1));
      interrupted = signal;
      log(`${signal}: stopping after the current step`);
    });
  }
}

function exitIfInterrupted() {
  if (interrupted) process.exit(128 + (os.constants.signals[interrupted] ?? 1));
}

/**
 * Runs `next <args>`, forwarding signals; resolves with its exit code (128 + n when a signal ended it).
 * With `capture`, output is still shown and its last 64 KB are returned too.
 */
function runChild(
  args: string[],
  nodeEnv: "production" | "development",
  { capture = false }: { capture?: boolean } = {},
): Promise<{ code: number; output: string }> {
  exitIfInterrupted();
  return new Promise((resolve) => {
    let output = "";
    const proc = spawn(NEXT_BIN, args, {
      stdio: capture ? ["inherit", "pipe", "pipe"] : "inherit",
      env: { ...process.env, NODE_ENV: nodeEnv },
    });
    child = proc;
    if (capture) {
      const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
        to.write(chunk);
        output = (output + chunk.toString("utf8")).slice(-65_536);
      };
      proc.stdout?.on("data", (c: Buffer) => keep(c, process.stdout));
      proc.stderr?.on("data", (c: Buffer) => keep(c, process.stderr));
    }
    proc.on("error", (err) => {
      console.error(`[rantai] could not run next ${args[0]}: ${err.message}`);
      child = null;
      resolve({ code: 1, output });
    });
    proc.on("close", (code, signal) => {
      child = null;
      resolve({ code: code ?? 128 + (signal ? (os.constants.signals[signal] ?? 1) : 0), output });
    });
  });
}

async function main(): Promise<number> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!fs.existsSync(NEXT_BIN)) throw new Error("node_modules/.bin/next is missing: run `npm install` first");
  installSignalHandlers();
  await prepareDatabaseAndSeed();
  exitIfInterrupted();
  if (!DEV) await buildIfNeeded();
  exitIfInterrupted();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[rantai] start failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);
