// npm run test:scale — Rantai past one machine, with real parts, on one machine (issue 14, ADR 0035):
//
//   PostgreSQL primary (initdb, :55432) ──streaming──▶ replica (pg_basebackup, :55433)
//          ▲ writes, own reads                            ▲ directory, statistics, matching (readReplica())
//   app A (npm start, :3140)   app B (npm start, :3141)   DATABASE_URL + DATABASE_REPLICA_URLS
//          ▲                          ▲
//          └──── HAProxy (:8140, health checks on /api/health, retries refused connections) ◀── load
//
// Then mixed load through HAProxy — reads (pages and API), sign-ins (POST /api/v1/auth/token), RFQs created and
// published by a buyer, quotes by two UMKM, awards — and, during it, app A is killed (SIGKILL, a crash) and
// the replica is restarted; later A is started again. It records every acknowledged write (201/200 with an
// id) and checks afterwards that each exists on the primary (and on the replica once it has caught up), and
// prints: requests and errors per phase, which instance served what before and after the kill, how long
// until the killed instance's traffic had moved and until it was back, and the replica's outage as seen by
// the app. Everything it started is torn down at the end, on failure and on Ctrl-C.
//
// Needs: PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup; SCALE_PG_BIN, default the newest
// /usr/lib/postgresql/*/bin) and HAProxy (SCALE_HAPROXY, default /usr/sbin/haproxy; Debian: apt-get install
// haproxy). Run as root (the clusters run as the `postgres` user) or as a normal user (they run as you).
// Ports: SCALE_PG_PORT (55432; the replica is +1), SCALE_APP_PORT (3140; B is +1), SCALE_LB_PORT (8140; its
// stats page is +1). SCALE_LOAD_SECONDS (45), SCALE_NATIONAL_UMKM (300). Not run in CI: it builds the app and
// takes a few minutes.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const ROOT = process.cwd();
const PG_PORT = Number(process.env.SCALE_PG_PORT || 55432);
const REPLICA_PORT = PG_PORT + 1;
const APP_PORTS = [Number(process.env.SCALE_APP_PORT || 3140), Number(process.env.SCALE_APP_PORT || 3140) + 1];
const LB_PORT = Number(process.env.SCALE_LB_PORT || 8140);
const LOAD_SECONDS = Number(process.env.SCALE_LOAD_SECONDS || 45);
const HAPROXY = process.env.SCALE_HAPROXY || "/usr/sbin/haproxy";
const DB = "rantai";
const PASSWORD = "rantai-demo";
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "rantai-scale-"));
const AS_ROOT = process.getuid?.() === 0;

const log = (m: string) => console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgBin(): string {
  if (process.env.SCALE_PG_BIN) return process.env.SCALE_PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, "bin", "initdb"))) return path.join(base, v, "bin");
  throw new Error("PostgreSQL server binaries not found: set SCALE_PG_BIN (the directory holding initdb)");
}
const BIN = pgBin();

/** Runs a PostgreSQL tool as the `postgres` user when we are root (initdb refuses root). */
function pgTool(tool: string, args: string[]) {
  const cmd = path.join(BIN, tool);
  if (AS_ROOT) execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" });
  else execFileSync(cmd, args, { stdio: "pipe" });
}

// ---------------------------------------------------------------------------------------------
// Teardown: everything started is registered here and undone in reverse order, whatever happens.
// ---------------------------------------------------------------------------------------------
const undo: { what: string; run: () => void | Promise<void> }[] = [];
let tornDown = false;
async function teardown() {
  if (tornDown) return;
  tornDown = true;
  for (const step of undo.reverse()) {
    try {
      await step.run();
    } catch (err) {
      console.error(`[scale] teardown: ${step.what}: ${err instanceof Error ? err.message : err}`);
    }
  }
  fs.rmSync(WORK, { recursive: true, force: true });
  log("torn down: app instances, HAProxy, both clusters and their files");
}
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    console.error(`[scale] ${sig}: tearing down`);
    void teardown().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a throwaway primary and a streaming replica
// ---------------------------------------------------------------------------------------------
const url = (port: number, db = DB) => `postgresql://postgres@127.0.0.1:${port}/${db}`;

function startCluster(dir: string) {
  try {
    pgTool("pg_ctl", ["-D", dir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  } catch (err) {
    throw new Error(`could not start the cluster in ${dir}:\n${tail(path.join(dir, "server.log"))}`, { cause: err });
  }
}
function stopCluster(dir: string, mode: "fast" | "immediate" = "fast") {
  if (fs.existsSync(path.join(dir, "postmaster.pid"))) pgTool("pg_ctl", ["-D", dir, "-m", mode, "-w", "stop"]);
}

async function buildDatabases() {
  fs.chmodSync(WORK, 0o755);
  const primary = path.join(WORK, "primary");
  const replica = path.join(WORK, "replica");
  for (const d of [primary, replica]) {
    fs.mkdirSync(d, { mode: 0o700 });
    if (AS_ROOT) execFileSync("chown", ["postgres:postgres", d]);
  }
  pgTool("initdb", ["-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  fs.appendFileSync(
    path.join(primary, "postgresql.conf"),
    [
      "",
      "# test:scale",
      `port = ${PG_PORT}`,
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''", // TCP only: nothing of this cluster outside its data directory
      "wal_level = replica",
      "max_wal_senders = 5",
      "hot_standby = on",
      "max_connections = 100",
      "fsync = on",
      "",
    ].join("\n"),
  );
  fs.appendFileSync(path.join(primary, "pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
  undo.push({ what: "stop the primary", run: () => stopCluster(primary, "immediate") });
  startCluster(primary);
  const admin = new pg.Client({ connectionString: url(PG_PORT, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  log(`primary: initdb cluster on :${PG_PORT} (${primary})`);

  const t = performance.now();
  pgTool("pg_basebackup", ["-h", "127.0.0.1", "-p", String(PG_PORT), "-U", "postgres", "-D", replica, "-R", "-X", "stream", "-c", "fast"]);
  fs.appendFileSync(path.join(replica, "postgresql.conf"), `\n# the replica\nport = ${REPLICA_PORT}\n`);
  undo.push({ what: "stop the replica", run: () => stopCluster(replica, "immediate") });
  startCluster(replica);
  const r = new pg.Client({ connectionString: url(REPLICA_PORT) });
  await r.connect();
  const { rows } = await r.query("SELECT pg_is_in_recovery() AS standby");
  await r.end();
  if (!rows[0].standby) throw new Error("the replica is not in recovery");
  log(`replica: pg_basebackup + streaming on :${REPLICA_PORT} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return { primary, replica };
}

// ---------------------------------------------------------------------------------------------
// App instances and the load balancer
// ---------------------------------------------------------------------------------------------
const AUTH_SECRET = crypto.randomBytes(32).toString("base64url");

interface Instance {
  name: string;
  port: number;
  proc: ChildProcess | null;
}

function appEnv(port: number, seed: boolean): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url(PG_PORT),
    DATABASE_REPLICA_URLS: url(REPLICA_PORT),
    DATABASE_POOL_SIZE: "10",
    AUTH_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${LB_PORT}`,
    APP_URL: `http://127.0.0.1:${LB_PORT}`,
    WEB_CONCURRENCY: "1", // one process per instance: the instance is the unit killed here
    SEED_DEMO: seed ? "true" : "",
    SEED_NATIONAL_UMKM: process.env.SCALE_NATIONAL_UMKM || "300",
    // All load comes from 127.0.0.1 through HAProxy: the per-address sign-in limit would refuse it.
    LOGIN_LIMIT_PER_ADDRESS: "1000000",
    LOGIN_LIMIT_PER_ACCOUNT: "1000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

function startInstance(inst: Instance, seed: boolean) {
  const out = fs.openSync(path.join(WORK, `${inst.name}.log`), "a");
  // Its own process group, so a kill reaches npm, the start script and the server alike.
  inst.proc = spawn("npm", ["start"], { cwd: ROOT, env: appEnv(inst.port, seed), detached: true, stdio: ["ignore", out, out] });
  const proc = inst.proc;
  undo.push({
    what: `stop app ${inst.name}`,
    run: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      try {
        process.kill(-proc.pid!, "SIGTERM");
      } catch {
        return;
      }
      for (let i = 0; i < 50 && proc.exitCode === null && proc.signalCode === null; i++) await sleep(100);
      try {
        process.kill(-proc.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    },
  });
}

async function waitHealthy(port: number, timeoutMs: number, inst?: Instance): Promise<number> {
  const t = performance.now();
  while (performance.now() - t < timeoutMs) {
    if (inst?.proc && inst.proc.exitCode !== null) {
      throw new Error(`app ${inst.name} exited (${inst.proc.exitCode}); see its log:\n${tail(path.join(WORK, `${inst.name}.log`))}`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return performance.now() - t;
    } catch {
      /* not yet */
    }
    await sleep(500);
  }
  throw new Error(`:${port} not healthy after ${timeoutMs / 1000} s`);
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function startHaproxy() {
  const cfg = path.join(WORK, "haproxy.cfg");
  fs.writeFileSync(
    cfg,
    `global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch 1
  # Only a refused connection is retried elsewhere: the request never reached an instance. A request that died
  # mid-way may have committed, and a form post (server action) carries no Idempotency-Key to make a retry safe.
  retry-on conn-failure
  # A new connection per request to an instance: a request is then either refused (retried) or really in flight,
  # never written into a kept-alive connection to an instance that just died.
  http-reuse never
frontend rantai
  bind 127.0.0.1:${LB_PORT}
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  # A refused connection fails a check at once: 2 failures 0.5 s apart take a dead instance out. A slow answer
  # (a loaded machine) is not a failure until 5 s, so a busy instance is not taken out of rotation.
  timeout check 5s
  default-server inter 1s fastinter 500ms fall 2 rise 2
  http-response set-header X-Rantai-Instance %s
${APP_PORTS.map((p, i) => `  server ${"AB"[i]} 127.0.0.1:${p} check`).join("\n")}
listen stats
  bind 127.0.0.1:${LB_PORT + 1}
  stats enable
  stats uri /stats
`,
  );
  execFileSync(HAPROXY, ["-c", "-q", "-f", cfg], { stdio: "pipe" });
  const out = fs.openSync(path.join(WORK, "haproxy.log"), "a");
  const proc = spawn(HAPROXY, ["-db", "-f", cfg], { stdio: ["ignore", out, out] });
  undo.push({ what: "stop HAProxy", run: () => void proc.kill("SIGTERM") });
  log(`HAProxy ${execFileSync(HAPROXY, ["-v"]).toString().split(" ")[2]} on :${LB_PORT} (stats :${LB_PORT + 1}/stats)`);
}

/** Does something accept TCP connections on this port? */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** HAProxy's view of each server: UP / DOWN. */
async function lbStatus(): Promise<Record<string, string>> {
  const r = await fetch(`http://127.0.0.1:${LB_PORT + 1}/stats;csv`);
  const out: Record<string, string> = {};
  for (const line of (await r.text()).split("\n")) {
    const f = line.split(",");
    if (f[0] === "app" && (f[1] === "A" || f[1] === "B")) out[f[1]] = f[17];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------
const LB = `http://127.0.0.1:${LB_PORT}`;

interface Sample {
  t: number; // ms since the load started
  kind: string;
  ok: boolean;
  status: number;
  instance: string | null;
  ms: number;
}
const samples: Sample[] = [];
const acknowledged = { rfq: [] as string[], quote: [] as string[], agreement: [] as string[], token: 0 };
let loadStart = 0;
let stopLoad = false;

async function call(kind: string, method: string, p: string, opts: { token?: string; body?: unknown } = {}) {
  const t0 = performance.now();
  let status = 0;
  let instance: string | null = null;
  let json: unknown = null;
  try {
    const res = await fetch(LB + p, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body ? { "content-type": "application/json", "idempotency-key": crypto.randomUUID() } : {}),
      },
      body: opts.body ? JSON.stringify(opts.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    status = res.status;
    instance = res.headers.get("x-rantai-instance");
    const text = await res.text();
    if ((res.headers.get("content-type") ?? "").includes("json")) json = JSON.parse(text);
  } catch {
    status = 0;
  }
  const ok = status >= 200 && status < 400;
  samples.push({ t: t0 - loadStart, kind, ok, status, instance, ms: performance.now() - t0 });
  if (!ok) await sleep(250); // a client backs off after an error instead of hammering
  return { ok, status, json: json as Record<string, unknown> | null };
}

async function token(email: string): Promise<string | null> {
  const r = await call("sign-in", "POST", "/api/v1/auth/token", { body: { email, password: PASSWORD } });
  if (r.ok && typeof r.json?.token === "string") {
    acknowledged.token++;
    return r.json.token;
  }
  return null;
}

const READS = ["/", "/pemasok?q=batik", "/api/v1/suppliers?q=batik", "/api/v1/suppliers?q=kopi", "/api/v1/stats/summary"];

async function reader(i: number) {
  let n = i;
  while (!stopLoad) await call("read", "GET", READS[n++ % READS.length]);
}

async function signer() {
  const who = ["umkm@demo.rantai.id", "buyer@demo.rantai.id", "koperasi@demo.rantai.id", "kementerian@demo.rantai.id"];
  let n = 0;
  while (!stopLoad) {
    await token(who[n++ % who.length]);
    await sleep(200);
  }
}

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

/** The buyer's loop: create + publish an RFQ; two UMKM quote on it; the buyer awards the cheaper quote. */
async function trader(buyer: string, suppliers: string[], i: number) {
  let n = 0;
  while (!stopLoad) {
    n++;
    const created = await call("rfq", "POST", "/api/v1/rfqs", {
      token: buyer,
      body: {
        title: `Kain batik seragam uji skala ${i}-${n}`,
        kbli: "13134",
        deliveryRegencyCode: "33.75",
        deadline: inDays(14).toISOString(),
        items: [{ name: "Kain batik cap", quantity: 100 + n, unit: "lembar" }],
        visibility: "public",
        sealed: false,
      },
    });
    const rfq = created.json as { id?: string; items?: { id: string }[] } | null;
    if (!created.ok || !rfq?.id || !rfq.items?.length) continue;
    acknowledged.rfq.push(rfq.id);
    if (!(await call("publish", "POST", `/api/v1/rfqs/${rfq.id}/publish`, { token: buyer, body: {} })).ok) continue;
    const quotes: string[] = [];
    for (const [k, s] of suppliers.entries()) {
      const q = await call("quote", "PUT", `/api/v1/rfqs/${rfq.id}/quote`, {
        token: s,
        body: {
          items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: 150_000 + 1_000 * k + n }],
          leadTimeDays: 21,
          includesVat: false,
          validUntil: inDays(60).toISOString().slice(0, 10),
        },
      });
      const id = (q.json as { id?: string } | null)?.id;
      if (q.ok && id) {
        acknowledged.quote.push(id);
        quotes.push(id);
      }
    }
    if (!quotes.length) continue;
    const award = await call("award", "POST", `/api/v1/rfqs/${rfq.id}/award`, { token: buyer, body: { awards: [{ quoteId: quotes[0] }] } });
    for (const a of ((award.json as { agreements?: { id: string }[] } | null)?.agreements ?? []) as { id: string }[]) {
      if (award.ok) acknowledged.agreement.push(a.id);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------
async function main() {
  for (const bin of [HAPROXY, path.join(BIN, "initdb")]) if (!fs.existsSync(bin)) throw new Error(`${bin} is missing`);
  log(`work directory ${WORK}`);
  const dirs = await buildDatabases();

  const A: Instance = { name: "A", port: APP_PORTS[0], proc: null };
  const B: Instance = { name: "B", port: APP_PORTS[1], proc: null };
  // A migrates, seeds and builds (once, in this checkout); B then finds everything done.
  startInstance(A, true);
  log(`app A: npm start on :${A.port} (migrate, seed SEED_DEMO=true, build if needed) …`);
  const aReady = await waitHealthy(A.port, 25 * 60_000, A);
  log(`app A healthy after ${(aReady / 1000).toFixed(0)} s`);
  startInstance(B, false);
  const bReady = await waitHealthy(B.port, 10 * 60_000, B);
  log(`app B: npm start on :${B.port}, healthy after ${(bReady / 1000).toFixed(0)} s`);
  const replicaLog = tail(path.join(WORK, "A.log"), 400)
    .split("\n")
    .find((l) => l.includes("read replicas:"));
  log(`app A says: ${replicaLog?.replace(/^.*\[rantai\] /, "") ?? "(no replica line in its log)"}`);

  startHaproxy();
  for (let i = 0; i < 40; i++) {
    const s = await lbStatus().catch(() => ({}) as Record<string, string>);
    if (s.A === "UP" && s.B === "UP") break;
    await sleep(500);
  }
  log(`HAProxy sees ${JSON.stringify(await lbStatus())}`);

  const replicaPg = new pg.Client({ connectionString: url(REPLICA_PORT) });
  await replicaPg.connect();
  const replicaXacts = async (c: pg.Client) =>
    Number((await c.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [DB])).rows[0].n);
  const replicaBefore = await replicaXacts(replicaPg);
  await replicaPg.end();

  // Tokens for the writers (sign-ins are also part of the load).
  loadStart = performance.now();
  const buyer = await token("buyer@demo.rantai.id");
  const umkm = await token("umkm@demo.rantai.id");
  const umkm2 = await token("umkm2@demo.rantai.id");
  if (!buyer || !umkm || !umkm2) throw new Error("could not sign in the demo accounts through the load balancer");

  const KILL_AT = Math.round(LOAD_SECONDS * 0.25) * 1000;
  const REPLICA_AT = Math.round(LOAD_SECONDS * 0.45) * 1000;
  const RESTART_AT = Math.round(LOAD_SECONDS * 0.6) * 1000;
  log(
    `mixed load for ${LOAD_SECONDS} s: kill app A at ${KILL_AT / 1000} s, restart the replica at ${REPLICA_AT / 1000} s, start A again at ${RESTART_AT / 1000} s`,
  );
  loadStart = performance.now();
  const workers = [
    ...Array.from({ length: 4 }, (_, i) => reader(i)),
    signer(),
    trader(buyer, [umkm, umkm2], 1),
    trader(buyer, [umkm2, umkm], 2),
  ];

  const events: Record<string, number> = {};
  const scenario = (async () => {
    await sleep(KILL_AT);
    events.kill = performance.now() - loadStart;
    process.kill(-A.proc!.pid!, "SIGKILL");
    // A SIGKILL is delivered asynchronously: until the port refuses connections, A still accepts requests
    // (and they die with it, in flight). From then on a request to A is refused and HAProxy retries it on B.
    while (await accepts(A.port)) await sleep(5);
    events.gone = performance.now() - loadStart;
    log(`app A killed (SIGKILL to its process group); its port refused connections ${(events.gone - events.kill).toFixed(0)} ms later`);
    await sleep(REPLICA_AT - KILL_AT);
    events.replicaStop = performance.now() - loadStart;
    pgTool("pg_ctl", ["-D", dirs.replica, "-m", "fast", "-w", "stop"]);
    log("replica stopped");
    await sleep(2000);
    startCluster(dirs.replica);
    events.replicaStart = performance.now() - loadStart;
    log("replica started again");
    await sleep(Math.max(0, RESTART_AT - (performance.now() - loadStart)));
    events.restart = performance.now() - loadStart;
    startInstance(A, false);
    log("app A starting again");
    await waitHealthy(A.port, 5 * 60_000, A);
    events.aHealthy = performance.now() - loadStart;
    for (;;) {
      const s = await lbStatus().catch(() => ({}) as Record<string, string>);
      if (s.A === "UP") break;
      await sleep(200);
    }
    events.aUp = performance.now() - loadStart;
    log("HAProxy sees A up again");
  })();
  await sleep(LOAD_SECONDS * 1000);
  await scenario; // A must be back before the load stops, so the report can show traffic returning …
  await sleep(10_000); // … for a while
  stopLoad = true;
  await Promise.all(workers);
  const loadMs = performance.now() - loadStart;

  // --- Verification -----------------------------------------------------------------------------------------
  const primary = new pg.Client({ connectionString: url(PG_PORT) });
  await primary.connect();
  const missing = async (c: pg.Client) => {
    const out: Record<string, number> = {};
    for (const [table, ids] of [
      ["Rfq", acknowledged.rfq],
      ["Quote", acknowledged.quote],
      ["Agreement", acknowledged.agreement],
    ] as const) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${table}" WHERE id = ANY($1::text[])`, [ids]);
      out[table] = ids.length - rows[0].n;
    }
    return out;
  };
  const lostOnPrimary = await missing(primary);
  const { rows: lsn } = await primary.query("SELECT pg_current_wal_lsn() AS lsn");
  const replica = new pg.Client({ connectionString: url(REPLICA_PORT) });
  await replica.connect();
  const caughtUpIn = performance.now();
  for (let i = 0; i < 100; i++) {
    const { rows } = await replica.query("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [lsn[0].lsn]);
    if (rows[0].ok) break;
    await sleep(100);
  }
  const replicaLagMs = performance.now() - caughtUpIn;
  const lostOnReplica = await missing(replica);
  const replicaAfter = await replicaXacts(replica);
  await primary.end();
  await replica.end();

  // --- Figures ------------------------------------------------------------------------------------------------
  const pct = (xs: number[], p: number) =>
    xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : 0;
  const kinds = [...new Set(samples.map((s) => s.kind))];
  console.log("\n=== test:scale: results ===");
  console.log(`load ${(loadMs / 1000).toFixed(1)} s through HAProxy; ${samples.length} requests`);
  console.log("kind       requests  ok     errors  p50 ms  p99 ms");
  for (const k of kinds) {
    const s = samples.filter((x) => x.kind === k);
    const ok = s.filter((x) => x.ok);
    console.log(
      `${k.padEnd(10)} ${String(s.length).padStart(8)}  ${String(ok.length).padEnd(6)} ${String(s.length - ok.length).padStart(6)}  ${pct(
        ok.map((x) => x.ms),
        0.5,
      )
        .toFixed(0)
        .padStart(6)}  ${pct(
        ok.map((x) => x.ms),
        0.99,
      )
        .toFixed(0)
        .padStart(6)}`,
    );
  }
  const errors = samples.filter((s) => !s.ok);
  const byStatus = errors.reduce<Record<string, number>>(
    (m, e) => ((m[e.status || "network"] = (m[e.status || "network"] ?? 0) + 1), m),
    {},
  );
  console.log(`errors: ${errors.length} ${JSON.stringify(byStatus)}`);
  const window = (from: number, to: number) => samples.filter((s) => s.t >= from && s.t < to);
  const served = (xs: Sample[]) =>
    xs.reduce<Record<string, number>>((m, s) => (s.instance ? ((m[s.instance] = (m[s.instance] ?? 0) + 1), m) : m), {});
  // A request was in flight at the kill if it started before A was gone and ended after the kill…
  // …until A's port refused connections (a SIGKILL takes a few ms to take the process down).
  const inFlight = errors.filter((e) => e.t < events.gone && e.t + e.ms >= events.kill - 50);
  const lateErrors = errors.filter((e) => !inFlight.includes(e));
  const lastKillError = errors.filter((e) => e.t + e.ms >= events.kill && e.t < events.restart).map((e) => e.t + e.ms);
  console.log(`served before the kill (by instance):     ${JSON.stringify(served(window(0, events.kill)))}`);
  console.log(`served while A was dead (kill → restart): ${JSON.stringify(served(window(events.kill, events.restart)))}`);
  console.log(`served after HAProxy saw A up again:     ${JSON.stringify(served(window(events.aUp, Infinity)))}`);
  console.log(
    `kill of A at ${(events.kill / 1000).toFixed(1)} s: ${inFlight.length} errors for requests in flight, ${lateErrors.length} other errors; ` +
      `traffic on B alone ${lastKillError.length ? ((Math.max(...lastKillError) - events.kill) / 1000).toFixed(1) : "0.0"} s after the kill (last error)`,
  );
  const replicaWindow = window(events.replicaStop, events.replicaStart + 5000);
  console.log(
    `replica down ${((events.replicaStart - events.replicaStop) / 1000).toFixed(1)} s (restart): ${replicaWindow.length} requests meanwhile, ` +
      `${replicaWindow.filter((s) => !s.ok).length} errors (reads fell back to the primary)`,
  );
  console.log(
    `A started again at ${(events.restart / 1000).toFixed(1)} s: healthy after ${((events.aHealthy - events.restart) / 1000).toFixed(1)} s, ` +
      `in HAProxy's rotation after ${((events.aUp - events.restart) / 1000).toFixed(1)} s`,
  );
  console.log(
    `acknowledged writes: ${acknowledged.rfq.length} RFQs, ${acknowledged.quote.length} quotes, ${acknowledged.agreement.length} agreements (awards), ` +
      `${acknowledged.token} sign-ins`,
  );
  console.log(
    `missing on the primary: ${JSON.stringify(lostOnPrimary)}; on the replica (caught up in ${replicaLagMs.toFixed(0)} ms): ${JSON.stringify(lostOnReplica)}`,
  );
  console.log(`transactions the replica served during the run: ${replicaAfter - replicaBefore}`);

  // What the instances logged about the replica (ReplicaRouter: taken out, taken back).
  for (const inst of [A, B]) {
    for (const line of tail(path.join(WORK, `${inst.name}.log`), 5000).split("\n")) {
      if (/replica .* (unavailable|answers again)/.test(line)) console.log(`app ${inst.name}: ${line.replace(/^.*\[rantai\] /, "")}`);
    }
  }

  const lost = Object.values(lostOnPrimary).reduce((a, b) => a + b, 0);
  const failures: string[] = [];
  if (lost > 0) failures.push(`${lost} acknowledged writes missing on the primary`);
  if (acknowledged.agreement.length === 0) failures.push("no award was acknowledged: the write path did not run");
  if (lateErrors.length > 0) failures.push(`${lateErrors.length} errors for requests not in flight at the kill`);
  if (!served(window(events.kill + 3000, events.restart)).B || served(window(events.kill + 3000, events.restart)).A) {
    failures.push("the killed instance's traffic did not move to B");
  }
  if (replicaAfter - replicaBefore <= 0) failures.push("the replica served no reads");
  console.log(
    failures.length ? `FAILED: ${failures.join("; ")}` : "PASSED: no acknowledged write lost; errors only for requests in flight",
  );
  return failures.length ? 1 : 0;
}

main()
  .catch((err: unknown) => {
    console.error(`[scale] failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    return 1;
  })
  .then(async (code) => {
    await teardown();
    process.exit(code);
  });
