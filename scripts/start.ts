// npm start (production server) and npm run dev (--dev: next dev). On a fresh machine after `npm install`:
//   1. resolve the database (DATABASE_URL, or the embedded PGlite database under .data/pglite);
//   2. apply pending migrations and the reference data;
//   3. seed the demo data into an empty database — always on the embedded database, on DATABASE_URL only
//      with SEED_DEMO=true — then close the database (PGlite is single-process: the server opens it next);
//   4. (start only) build when .next/BUILD_ID is missing or the sources changed since the last build
//      (a hash of the source tree, stamped into .next/ after a successful build); when another `npm start`
//      in the same checkout is building, wait for it (Next allows one build per .next);
//   5. run the production server, scripts/serve.ts (Next through its programmatic API in a node:http server
//      that hands the TCP peer's address to the app, issue 11), or `next dev`; forwarding signals and the
//      exit code.
// Without AUTH_SECRET a secret is generated once and kept in .data/auth-secret (mode 600).
// Reads the same .env files as Next. PORT defaults to 3000; NEXT_TELEMETRY_DISABLED=1 is always set.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nextEnv from "@next/env";
import { describeDatabase, resolveDatabaseConfig } from "../lib/db/config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/auth/demo-accounts";
import { describeSeed, migrate, openScriptDatabase, seedDemoIfEmpty } from "./script-db";

const ROOT = process.cwd();
const DEV = process.argv.includes("--dev");
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
const SERVE_SCRIPT = path.join(ROOT, "scripts", "serve.ts");
const STAMP_FILE = path.join(ROOT, ".next", "rantai-build-stamp.json");
const SECRET_FILE = path.join(ROOT, ".data", "auth-secret");

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
const warn = (m: string) => console.warn(`[rantai] WARNING: ${m}`);

function stepTimer() {
  const t = performance.now();
  return () => `${((performance.now() - t) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------

function loadEnvironment() {
  // The same .env files Next loads, so this script and the server agree on DATABASE_URL etc.
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

/** Ctrl-C / SIGTERM: forwarded to `next build` / `next start` while one runs; otherwise remembered and acted on
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
  { capture = false, bin = NEXT_BIN }: { capture?: boolean; bin?: string } = {},
): Promise<{ code: number; output: string }> {
  exitIfInterrupted();
  return new Promise((resolve) => {
    let output = "";
    const proc = spawn(bin, args, {
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
      console.error(`[rantai] could not run ${path.basename(bin)} ${args[0]}: ${err.message}`);
      child = null;
      resolve({ code: 1, output });
    });
    proc.on("close", (code, signal) => {
      child = null;
      resolve({ code: code ?? 128 + (signal ? (os.constants.signals[signal] ?? 1) : 0), output });
    });
  });
}

function serve(port: string): Promise<number> {
  if (DEV) {
    // next dev hands no peer address to the app: per-address limits need TRUST_PROXY=1 and a proxy there.
    log(`serve: next dev -p ${port} → http://localhost:${port}`);
    return runChild(["dev", "-p", port], "development").then((r) => r.code);
  }
  // Next in our own node:http server (scripts/serve.ts): it writes the TCP peer into an internal header on
  // every request, replacing whatever the client sent, so the per-address limits see the real client
  // (issue 11). Keep-alive 65 s, as `next start --keepAliveTimeout 65000` had.
  log(`serve: scripts/serve.ts (Next, production) → http://localhost:${port}`);
  return runChild([SERVE_SCRIPT], "production", { bin: TSX_BIN }).then((r) => r.code);
}

async function main() {
  loadEnvironment();
  const port = process.env.PORT?.trim() || "3000";
  if (!/^\d+$/.test(port)) throw new Error(`PORT must be a number (got "${port}")`);
  prepareAuthEnvironment(port);
  if (!fs.existsSync(NEXT_BIN)) throw new Error("node_modules/.bin/next is missing: run `npm install` first");

  installSignalHandlers();
  await prepareDatabaseAndSeed();
  exitIfInterrupted();
  if (!DEV) await buildIfNeeded();
  exitIfInterrupted();
  return serve(port);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[rantai] start failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);
