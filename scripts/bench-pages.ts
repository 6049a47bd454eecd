// npm run bench:pages — the pages under load (issue 14): req/s, p50, p99, errors for every page a visitor or a
// signed-in user opens, side by side with a static file of the same server measured in the same run, against
// the issue's targets; the resident memory of the `npm start` processes; the gain of several processes.
//
// Against RANTAI_URL when given (memory is then not measured: the processes are not ours). Otherwise it
// starts the app itself the production way, `npm start` (scripts/start.ts), on PostgreSQL with SEED_DEMO=true
// in a database of its own (BENCH_PAGES_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/rantai_a_pages,
// created when missing) on BENCH_PORT (3110), and stops it at the end. Paths come from the app's URL builders
// (lib/<domain>/routes.ts); ids are read from the links of the pages that list them. Signed-in pages carry a
// real session cookie, got by signing in through next-auth's credentials flow as the demo accounts.
//
// Options (environment):
//   BENCH_CONNECTIONS (50)  BENCH_SECONDS (15)  per path
//   BENCH_PATHS             only the paths whose label or URL contains one of these comma-separated words
//   BENCH_GAIN=0            skip the multi-process comparison (WEB_CONCURRENCY=1 against the default)
//   BENCH_GAIN_PATHS        labels measured for it (default: home, about-data, search)
//   BENCH_STRICT=1          exit 1 when a target is missed
//   PAGE_CACHE=0            passed on to npm start: public pages without the rendered-page cache (ADR 0036)
//   BENCH_ENCODING          the Accept-Encoding every request sends, the static file's too (default "gzip, deflate, br",
//                           as every browser sends; "identity" measures uncompressed bodies)
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/auth/demo-accounts";
import { agreementRoutes } from "../lib/agreements/routes";
import { clusterRoutes } from "../lib/clusters/routes";
import { organizationRoutes } from "../lib/organizations/routes";
import { partnershipIndexRoutes } from "../lib/partnership-index/routes";
import { rfqRoutes } from "../lib/rfqs/routes";
import { siteRoutes } from "../lib/sites/routes";
import { statsRoutes } from "../lib/stats/routes";
import { supplierRoutes } from "../lib/suppliers/routes";
import {
  commandLine,
  descendantsOf,
  findStaticAsset,
  idsFromHtml,
  MEMORY_TARGETS_MB,
  type Measured,
  type PageKind,
  RssSampler,
  rssMb,
  TARGETS,
  verdict,
} from "./bench/pages";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const FILTER = (process.env.BENCH_PATHS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const PORT = Number(process.env.BENCH_PORT || 3110);
const DATABASE_URL = process.env.BENCH_PAGES_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/rantai_a_pages";
const GAIN = process.env.BENCH_GAIN !== "0";
// What a phone's browser asks for: a page's cost under load is mostly its bytes, and browsers take them gzipped.
const ACCEPT_ENCODING = process.env.BENCH_ENCODING?.trim() || "gzip, deflate, br";
const GAIN_PATHS = (process.env.BENCH_GAIN_PATHS || "home,about-data,search").split(",").map((s) => s.trim());
const START_TIMEOUT_MS = 30 * 60_000; // a first start migrates, seeds and builds

interface Target {
  label: string;
  path: string;
  kind: PageKind | "static";
  cookie?: string;
}

interface Row extends Target, Measured {
  workerMaxMb: number | null;
}

const log = (m: string) => console.log(`[bench:pages] ${m}`);

// ---------------------------------------------------------------------------------------------
// The app: started here (npm start) or RANTAI_URL
// ---------------------------------------------------------------------------------------------

interface App {
  base: string;
  proc: ChildProcess | null;
  /** The processes to watch: the supervisor and its workers (empty against RANTAI_URL). */
  processes(): { pid: number; role: string }[];
  stop(): Promise<void>;
}

async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await c.end();
  }
}

async function startApp(extraEnv: Record<string, string> = {}): Promise<App> {
  const base = `http://127.0.0.1:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    DATABASE_URL,
    SEED_DEMO: "true",
    NEXTAUTH_URL: base,
    ...extraEnv,
  };
  log(
    `starting npm start on ${base} (${DATABASE_URL.replace(/\/\/[^@]*@/, "//")}${extraEnv.WEB_CONCURRENCY ? `, WEB_CONCURRENCY=${extraEnv.WEB_CONCURRENCY}` : ""})`,
  );
  // Its own process group, so that stopping it never leaves a worker behind.
  const proc = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (c: Buffer) => {
    output = (output + c.toString("utf8")).slice(-20_000);
    if (process.env.BENCH_VERBOSE) process.stdout.write(c);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  let exited = false;
  proc.on("exit", () => (exited = true));

  // The node process running scripts/start.ts (not npm's `sh -c` around it).
  const supervisor = () =>
    descendantsOf(proc.pid!).find((pid) => /^\S*node /.test(commandLine(pid)) && commandLine(pid).includes("scripts/start.ts")) ?? null;
  const app: App = {
    base,
    proc,
    processes() {
      const sup = supervisor();
      if (sup === null) return [];
      const workers = descendantsOf(sup).filter((pid) => commandLine(pid).includes("scripts/serve.ts"));
      return [{ pid: sup, role: "supervisor" }, ...workers.map((pid) => ({ pid, role: "worker" }))];
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => proc.on("exit", r));
      // SIGTERM to the supervisor (it stops its workers gracefully), then anything left in the group.
      const sup = supervisor();
      if (sup !== null) process.kill(sup, "SIGTERM");
      else process.kill(-proc.pid!, "SIGTERM");
      const t = setTimeout(() => process.kill(-proc.pid!, "SIGKILL"), 20_000);
      await gone;
      clearTimeout(t);
      try {
        process.kill(-proc.pid!, "SIGKILL");
      } catch {
        // the group is empty
      }
      for (
        let i = 0;
        i < 100 &&
        (await fetch(base).then(
          () => true,
          () => false,
        ));
        i++
      )
        await sleep(200);
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`npm start exited before serving:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not serve within ${START_TIMEOUT_MS / 60_000} min:\n${output}`);
    const ok = await fetch(base + organizationRoutes.home()).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && app.processes().length > 1) break;
    await sleep(1000);
  }
  // Every worker has started when each has listened: give the others a moment past the first.
  const wanted = /serve: (\d+) server process/.exec(output)?.[1];
  for (let i = 0; i < 120 && wanted && (output.match(/\[rantai\] ready on/g)?.length ?? 0) < Number(wanted); i++) await sleep(500);
  log(`app ready: ${/serve: .*/.exec(output)?.[0] ?? "?"}`);
  return app;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Sessions and ids
// ---------------------------------------------------------------------------------------------

/** Cookies from Set-Cookie headers, as one Cookie header (name=value; …). */
function cookieHeader(res: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split(/;\s*/)
      .filter(Boolean)
      .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as const),
  );
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in through next-auth's credentials flow (the form the sign-in page posts); returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  let cookie = cookieHeader(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: DEMO_PASSWORD,
      callbackUrl: base + organizationRoutes.dashboard(),
      json: "true",
    }),
  });
  cookie = cookieHeader(res, cookie);
  if (!/session-token=/.test(cookie)) throw new Error(`signing in as ${email} gave no session cookie (HTTP ${res.status})`);
  return cookie;
}

async function page(base: string, path: string, cookie?: string): Promise<{ status: number; html: string }> {
  const res = await fetch(base + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text() };
}

async function firstId(base: string, listPath: string, route: (id: string) => string, cookie?: string): Promise<string | null> {
  const { html } = await page(base, listPath, cookie);
  return idsFromHtml(html, route)[0] ?? null;
}

async function buildTargets(base: string): Promise<{ staticPath: string; targets: Target[]; skipped: string[] }> {
  const skipped: string[] = [];
  const home = await page(base, organizationRoutes.home());
  if (home.status !== 200) throw new Error(`${organizationRoutes.home()} answered ${home.status}`);
  const staticPath = findStaticAsset(home.html);
  if (!staticPath) throw new Error("no /_next/static stylesheet linked from the home page");

  const pub = (label: string, path: string | null): Target[] => {
    if (path === null) {
      skipped.push(`${label} (no id found)`);
      return [];
    }
    return [{ label, path, kind: "public" }];
  };
  const supplierId = await firstId(base, supplierRoutes.directory(), (id) => supplierRoutes.profile(id));
  const clusterId = await firstId(base, clusterRoutes.list(), (id) => clusterRoutes.detail(id));
  const siteId = await firstId(base, siteRoutes.list(), (id) => siteRoutes.detail(id));
  const buyerId = await firstId(base, partnershipIndexRoutes.publicRanking(), (id) => partnershipIndexRoutes.buyer(id));
  const targets: Target[] = [
    ...pub("home", organizationRoutes.home()),
    ...pub("directory", supplierRoutes.directory()),
    ...pub("search", supplierRoutes.directory({ q: "batik" })),
    ...pub("supplier", supplierId && supplierRoutes.profile(supplierId)),
    ...pub("statistics", statsRoutes.statistics()),
    ...pub("statistics-filtered", statsRoutes.statistics({ province: "35", kbliSection: "C" })),
    ...pub("about-data", statsRoutes.aboutData()),
    ...pub("cluster", clusterId && clusterRoutes.detail(clusterId)),
    ...pub("estate", siteId && siteRoutes.detail(siteId)),
    ...pub("partnership-index", partnershipIndexRoutes.publicRanking()),
    ...pub("partnership-index-buyer", buyerId && partnershipIndexRoutes.buyer(buyerId)),
  ];

  // Signed in: the dashboard of every demo account (each role), the buyer's RFQ pages and agreement, the
  // UMKM's RFQ board.
  const cookies = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) if (!cookies.has(a.email)) cookies.set(a.email, await signIn(base, a.email));
  // One dashboard per kind of organization (the first demo account of each).
  const roles = DEMO_ACCOUNTS.filter((a, i) => DEMO_ACCOUNTS.findIndex((b) => b.orgType === a.orgType) === i);
  for (const a of roles) {
    targets.push({
      label: `dashboard:${a.orgType}`,
      path: organizationRoutes.dashboard(),
      kind: "signedIn",
      cookie: cookies.get(a.email),
    });
  }
  const buyer = DEMO_ACCOUNTS.find((a) => a.orgType === "buyer")!.email;
  const umkm = DEMO_ACCOUNTS.find((a) => a.orgType === "umkm")!.email;
  const buyerCookie = cookies.get(buyer)!;
  const { html: rfqList } = await page(base, rfqRoutes.list(), buyerCookie);
  let rfqId: string | null = null;
  for (const id of idsFromHtml(rfqList, (x) => rfqRoutes.detail(x))) {
    // The first RFQ whose three pages open (the comparison needs quotes).
    const statuses = await Promise.all(
      [rfqRoutes.detail(id), rfqRoutes.matching(id), rfqRoutes.compare(id)].map((p) => page(base, p, buyerCookie)),
    );
    if (statuses.every((s) => s.status === 200)) {
      rfqId = id;
      break;
    }
  }
  if (rfqId) {
    targets.push(
      { label: "rfq", path: rfqRoutes.detail(rfqId), kind: "signedIn", cookie: buyerCookie },
      { label: "rfq-matching", path: rfqRoutes.matching(rfqId), kind: "signedIn", cookie: buyerCookie },
      { label: "rfq-compare", path: rfqRoutes.compare(rfqId), kind: "signedIn", cookie: buyerCookie },
    );
  } else skipped.push("rfq, rfq-matching, rfq-compare (no RFQ of the buyer found)");
  const agreementId = await firstId(base, agreementRoutes.list(), (id) => agreementRoutes.detail(id), buyerCookie);
  if (agreementId) targets.push({ label: "agreement", path: agreementRoutes.detail(agreementId), kind: "signedIn", cookie: buyerCookie });
  else skipped.push("agreement (no agreement of the buyer found)");
  targets.push({ label: "rfq-board", path: rfqRoutes.board(), kind: "signedIn", cookie: cookies.get(umkm) });

  const wanted = FILTER.length ? targets.filter((t) => FILTER.some((f) => t.label.includes(f) || t.path.includes(f))) : targets;
  // Each must answer 200 before it is measured (a redirect to the sign-in page would measure the wrong thing).
  // The second request says whether the page cache (ADR 0036) answers it: HIT for public pages, BYPASS signed in.
  const cacheStates: string[] = [];
  for (const t of wanted) {
    const { status } = await page(base, t.path, t.cookie);
    if (status !== 200) throw new Error(`${t.label} ${t.path} answered ${status} before the load`);
    const again = await fetch(base + t.path, { redirect: "manual", headers: t.cookie ? { cookie: t.cookie } : {} });
    await again.arrayBuffer();
    cacheStates.push(`${t.label} ${again.headers.get("x-cache") ?? "-"}`);
  }
  log(`X-Cache of a second request: ${cacheStates.join(", ")}`);
  return { staticPath, targets: wanted, skipped };
}

// ---------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------

/**
 * Waits until the server answers the static file quickly again: after a run of a slow page it is still
 * rendering the requests autocannon gave up on, and the next path would pay for them.
 */
async function settle(base: string, staticPath: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    const ok = await fetch(base + staticPath).then(
      (r) => r.arrayBuffer().then(() => r.ok),
      () => false,
    );
    if (ok && performance.now() - t0 < 100) return;
    await sleep(500);
  }
}

async function load(base: string, t: Target, app: App | null, sampler: RssSampler | null): Promise<Row> {
  const before = new Map(sampler?.max);
  const perPath = app ? new RssSampler(() => app.processes()) : null;
  perPath?.start();
  const r = await autocannon({
    url: base + t.path,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { "accept-encoding": ACCEPT_ENCODING, ...(t.cookie ? { cookie: t.cookie } : {}) },
  });
  perPath?.stop();
  if (sampler && perPath) {
    for (const [pid, v] of perPath.max) {
      const prev = before.get(pid) ?? sampler.max.get(pid);
      if (!prev || v.mb > prev.mb) sampler.max.set(pid, v);
    }
  }
  const workerMax = perPath ? Math.max(0, ...[...perPath.max.values()].filter((v) => v.role === "worker").map((v) => v.mb)) : null;
  return {
    ...t,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    workerMaxMb: workerMax,
  };
}

const fmt = (n: number, d = 0) => n.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });

function printTable(rows: Row[], staticReqPerSec: number) {
  const head = ["path", "kind", "req/s", "p50 ms", "p99 ms", "err", "non-2xx", "vs static", "target", "", "worker MB"];
  const lines = rows.map((r) => {
    const share = r.reqPerSec / staticReqPerSec;
    const target =
      r.kind === "static"
        ? "—"
        : `≥ ${TARGETS[r.kind].shareOfStatic * 100} %${TARGETS[r.kind].p99Ms ? `, p99 < ${TARGETS[r.kind].p99Ms} ms` : ""}, 0 err`;
    const v = r.kind === "static" ? null : verdict(r.kind, r, staticReqPerSec);
    return [
      `${r.label} ${r.path.length > 48 ? `${r.path.slice(0, 45)}…` : r.path}`,
      r.kind,
      fmt(r.reqPerSec, 1),
      fmt(r.p50),
      fmt(r.p99),
      String(r.errors),
      String(r.non2xx),
      `${(share * 100).toFixed(1)} %`,
      target,
      v ? (v.pass ? "pass" : `MISS (${v.misses.join(", ")})`) : "",
      r.workerMaxMb === null ? "—" : fmt(r.workerMaxMb),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const out = (cells: string[]) =>
    console.log(cells.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  "));
  out(head);
  for (const l of lines) out(l);
}

async function measureStatic(base: string, staticPath: string, app: App | null, sampler: RssSampler | null) {
  return load(base, { label: "static", path: staticPath, kind: "static" }, app, sampler);
}

async function main(): Promise<number> {
  console.log(
    `bench:pages — ${CONNECTIONS} connections, ${SECONDS} s per path; node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load avg ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  let app: App | null = null;
  const external = process.env.RANTAI_URL?.trim().replace(/\/$/, "");
  try {
    // Ctrl-C: stop the app we started (it runs in its own process group).
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        log(`${signal}: stopping`);
        void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
      });
    }
    if (external) log(`against RANTAI_URL=${external} (memory not measured: not our processes)`);
    else {
      await ensureDatabase(DATABASE_URL);
      app = await startApp();
    }
    const base = external || app!.base;
    const { staticPath, targets, skipped } = await buildTargets(base);
    for (const s of skipped) log(`skipped: ${s}`);
    const sampler = app ? new RssSampler(() => app!.processes()) : null;
    sampler?.start();

    // The static file before and after the pages: the yardstick is their mean (the machine is shared and noisy).
    const rows: Row[] = [];
    const staticBefore = await measureStatic(base, staticPath, app, sampler);
    log(`static ${staticPath}: ${fmt(staticBefore.reqPerSec)} req/s`);
    for (const t of targets) {
      await settle(base, staticPath);
      const r = await load(base, t, app, sampler);
      log(`${t.label}: ${fmt(r.reqPerSec, 1)} req/s, p99 ${fmt(r.p99)} ms`);
      rows.push(r);
    }
    await settle(base, staticPath);
    const staticAfter = await measureStatic(base, staticPath, app, sampler);
    sampler?.stop();
    const staticReqPerSec = (staticBefore.reqPerSec + staticAfter.reqPerSec) / 2;
    console.log(
      `\nstatic file ${staticPath}: ${fmt(staticBefore.reqPerSec)} req/s before, ${fmt(staticAfter.reqPerSec)} after; mean ${fmt(staticReqPerSec)} is 100 %\n`,
    );
    printTable([{ ...staticBefore, label: "static (before)" }, ...rows, { ...staticAfter, label: "static (after)" }], staticReqPerSec);

    let missed = rows.filter((r) => r.kind !== "static" && !verdict(r.kind, r, staticReqPerSec).pass).length;
    console.log(`\n${rows.length - missed} of ${rows.length} paths meet their targets`);

    if (app && sampler) {
      console.log("\nmemory (largest RSS sampled during the load):");
      for (const [pid, { role, mb }] of [...sampler.max].sort((a, b) => a[1].role.localeCompare(b[1].role) || a[0] - b[0])) {
        const limit = role === "supervisor" ? MEMORY_TARGETS_MB.supervisor : MEMORY_TARGETS_MB.worker;
        const ok = mb < limit;
        if (!ok) missed++;
        console.log(
          `  ${role.padEnd(10)} pid ${String(pid).padEnd(8)} ${fmt(mb).padStart(5)} MB   target < ${limit} MB   ${ok ? "pass" : "MISS"}`,
        );
      }
      const npm = rssOfNpm(app);
      if (npm !== null) console.log(`  (npm itself, the parent of the supervisor: ${fmt(npm)} MB; not counted)`);
    }

    if (app && GAIN) {
      const gainTargets = GAIN_PATHS.map((l) => targets.find((t) => t.label === l)).filter((t): t is Target => !!t);
      const workers = app.processes().filter((p) => p.role === "worker").length;
      if (workers > 1 && gainTargets.length) {
        console.log(`\nmulti-process gain: WEB_CONCURRENCY=1 against the default (${workers} workers), same paths`);
        await app.stop();
        app = await startApp({ WEB_CONCURRENCY: "1" });
        const single: Row[] = [];
        for (const t of gainTargets) {
          await settle(base, staticPath);
          single.push(await load(base, t, app, null));
        }
        for (const t of gainTargets) {
          const many = rows.find((r) => r.label === t.label)!;
          const one = single.find((r) => r.label === t.label)!;
          console.log(
            `  ${t.label.padEnd(12)} 1 process ${fmt(one.reqPerSec, 1).padStart(8)} req/s (p99 ${fmt(one.p99)} ms)   ${workers} processes ${fmt(many.reqPerSec, 1).padStart(8)} req/s (p99 ${fmt(many.p99)} ms)   × ${(many.reqPerSec / one.reqPerSec).toFixed(2)}`,
          );
        }
      } else log(`multi-process gain: skipped (${workers} worker${workers === 1 ? "" : "s"})`);
    }
    return missed > 0 && process.env.BENCH_STRICT === "1" ? 1 : 0;
  } finally {
    await app?.stop();
  }
}

function rssOfNpm(app: App): number | null {
  return app.proc?.pid ? rssMb(app.proc.pid) : null;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[bench:pages] failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);
