// npm run bench:lighthouse [URL] — Lighthouse (mobile preset: a mid-range phone on a slow 4G network, simulated)
// on the pages issue 14 sets targets for, against a running app: RANTAI_URL or the URL argument (default
// http://localhost:3000). It does not start the app: start it first (`npm start`, demo data seeded).
//
//   public:    /  ·  the directory  ·  a supplier's page  ·  /statistik  ·  /masuk
//   signed in: /dasbor  ·  an /rfq/[id]  (the demo buyer, signed in through the credentials flow; the session
//              cookie rides on every request Lighthouse makes)
//
// Each page runs BENCH_RUNS times (default 3) in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium,
// headless); the table shows the median of each figure, against the targets: performance ≥ 95 and
// accessibility 100. Accessibility findings (audits below full marks in any run) are listed under the table.
// BENCH_STRICT=1 exits 1 when a target is missed. Lighthouse 12 (13 needs Node 22).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { authRoutes } from "../lib/auth/routes";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/auth/demo-accounts";
import { rfqRoutes } from "../lib/rfqs/routes";
import { statsRoutes } from "../lib/stats/routes";
import { supplierRoutes } from "../lib/suppliers/routes";

const BASE = (process.argv[2] || process.env.RANTAI_URL || "http://localhost:3000").replace(/\/$/, "");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const TARGET = { performance: 95, accessibility: 100 };

const log = (m: string) => console.log(`[bench:lighthouse] ${m}`);

// ---------------------------------------------------------------------------------------------------------
// The app: pages to visit and a signed-in session
// ---------------------------------------------------------------------------------------------------------

async function html(pathname: string, cookie?: string): Promise<string> {
  const res = await fetch(BASE + pathname, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
  return res.text();
}

/** The first link on `page` to a path under `prefix` (one more segment, not one of `except`). */
async function firstLink(pathname: string, prefix: string, except: string[] = [], cookie?: string): Promise<string> {
  const hrefs = [...(await html(pathname, cookie)).matchAll(/href="([^"?#]+)/g)].map((m) => m[1]);
  const found = hrefs.find((h) => {
    if (!h.startsWith(prefix)) return false;
    const rest = h.slice(prefix.length);
    return rest.length > 0 && !rest.includes("/") && !except.includes(rest);
  });
  if (!found) throw new Error(`no link to ${prefix}… on ${pathname}`);
  return found;
}

/** Signs in through next-auth's credentials flow, as the sign-in form does; returns the Cookie header. */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${BASE}/dasbor`, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`signing in as ${email} gave no session cookie (HTTP ${res.status}); is the demo data seeded?`);
  }
  return cookie();
}

interface Target {
  name: string;
  path: string;
  cookie?: string;
}

async function targets(): Promise<Target[]> {
  const supplier = await firstLink(supplierRoutes.directory(), supplierRoutes.profile("x").slice(0, -1));
  const buyer = DEMO_ACCOUNTS.find((a) => a.orgType === "buyer")!;
  const cookie = await signIn(buyer.email);
  const rfq = await firstLink(rfqRoutes.list(), rfqRoutes.detail("x").slice(0, -1), ["baru"], cookie);
  return [
    { name: "/", path: "/" },
    { name: "directory", path: supplierRoutes.directory() },
    { name: "supplier page", path: supplier },
    { name: "/statistik", path: statsRoutes.statistics() },
    { name: "/masuk", path: authRoutes.signIn() },
    { name: "/dasbor (buyer)", path: "/dasbor", cookie },
    { name: "/rfq/[id] (buyer)", path: rfq, cookie },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Chromium and Lighthouse
// ---------------------------------------------------------------------------------------------------------

async function launchChrome(): Promise<{ port: number; proc: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rantai-lighthouse-"));
  const proc = spawn(
    CHROME,
    [
      "--headless=new",
      "--remote-debugging-port=0",
      `--user-data-dir=${dir}`,
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000);
    proc.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on("exit", (code) => reject(new Error(`Chromium exited (${code}): ${err}`)));
  });
  return { port, proc, dir };
}

interface Run {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
  /** accessibility audits below full marks: id → title */
  findings: Map<string, string>;
}

function runOf(lhr: Result): Run {
  const a = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const findings = new Map<string, string>();
  for (const ref of lhr.categories.accessibility.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) findings.set(ref.id, audit.title);
  }
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    fcp: a("first-contentful-paint"),
    lcp: a("largest-contentful-paint"),
    tbt: a("total-blocking-time"),
    cls: a("cumulative-layout-shift"),
    bytes: a("total-byte-weight"),
    findings,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  log(`${BASE}, ${RUNS} run(s) per page, mobile preset, ${CHROME}; load average ${os.loadavg()[0].toFixed(1)}`);
  const pages = await targets();
  const chrome = await launchChrome();
  const rows: { target: Target; runs: Run[] }[] = [];
  try {
    for (const target of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const flags: Flags = {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
        };
        // A run can fail to record its trace on a loaded machine (NO_NAVSTART): try it again, twice at most.
        let lhr: Result | undefined;
        for (let attempt = 1; !lhr; attempt++) {
          const result = await lighthouse(BASE + target.path, flags);
          if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
          const error = result.lhr.runtimeError;
          if (!error) lhr = result.lhr;
          else if (attempt < 3) log(`${target.name} run ${i + 1}: ${error.code}, trying again`);
          else throw new Error(`${target.path}: ${error.message}`);
        }
        const run = runOf(lhr);
        runs.push(run);
        log(`${target.name} run ${i + 1}: performance ${run.performance}, accessibility ${run.accessibility}`);
      }
      rows.push({ target, runs });
    }
  } finally {
    // Chromium writes to its profile until it has exited: wait, then remove the profile.
    const exited = new Promise((resolve) => chrome.proc.once("exit", resolve));
    chrome.proc.kill();
    await exited;
    fs.rmSync(chrome.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log("");
  console.log(
    `${"page".padEnd(20)} ${pad("perf", 5)} ${pad("a11y", 5)} ${pad("FCP", 7)} ${pad("LCP", 7)} ${pad("TBT", 7)} ${pad("CLS", 6)} ${pad("bytes", 8)}  targets (perf ≥ ${TARGET.performance}, a11y ${TARGET.accessibility})`,
  );
  let missed = 0;
  for (const { target, runs } of rows) {
    const m = (k: keyof Omit<Run, "findings">) => median(runs.map((r) => r[k]));
    const perf = m("performance");
    const a11y = m("accessibility");
    const met = [perf >= TARGET.performance ? "perf met" : "perf MISSED", a11y >= TARGET.accessibility ? "a11y met" : "a11y MISSED"];
    if (perf < TARGET.performance || a11y < TARGET.accessibility) missed++;
    console.log(
      `${target.name.padEnd(20)} ${pad(perf, 5)} ${pad(a11y, 5)} ${pad(`${(m("fcp") / 1000).toFixed(1)} s`, 7)} ${pad(`${(m("lcp") / 1000).toFixed(1)} s`, 7)} ${pad(`${Math.round(m("tbt"))} ms`, 7)} ${pad(m("cls").toFixed(3), 6)} ${pad(`${Math.round(m("bytes") / 1024)} KB`, 8)}  ${met.join(", ")}`,
    );
  }
  const findings = rows.flatMap(({ target, runs }) => {
    const all = new Map(runs.flatMap((r) => [...r.findings]));
    return [...all].map(([id, title]) => `  ${target.name}: ${id} — ${title}`);
  });
  console.log(findings.length ? `\naccessibility findings:\n${findings.join("\n")}` : "\nno accessibility findings");
  console.log(`\n${rows.length - missed} of ${rows.length} pages meet both targets (median of ${RUNS} runs each)`);
  if (missed && process.env.BENCH_STRICT === "1") process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
