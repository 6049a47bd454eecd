// npm test — every tier, in order: the static checks (lint, format, knip: `npm run lint`, `npm run
// format:check`, `npm run knip`), unit, integration (embedded PGlite; PostgreSQL too when TEST_DATABASE_URL
// is set), end-to-end (Playwright). All tiers run even when one fails, so a CI log shows everything at once;
// the exit code is non-zero when anything failed. The last line is the plain summary
// `N passed, N failed, N skipped`, summed over all tiers from the runners' JSON reports; a static check
// counts as one test, passed or failed.
//
//   npm test                       all tiers
//   npm test -- unit integration   only these tiers (lint | format | knip | unit | integration | e2e)
//   npm test -- static             only the static checks (lint, format, knip)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "rantai-test-reports-"));

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Tier {
  name: "lint" | "format" | "knip" | "unit" | "integration" | "e2e";
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Reads the runner's JSON report; null when there is none (the runner crashed before writing it). */
  count(reportFile: string, exitCode: number): Counts | null;
  /** The slowest files or tests, for the CI time budget (printed before the summary). */
  slowest?(reportFile: string, n: number): string[];
}

/** Tier names that stand for several tiers on the command line. */
const groups: Record<string, Tier["name"][]> = { static: ["lint", "format", "knip"] };

// Vitest's JSON reporter (Jest-compatible shape); only the fields used here.
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; startTime?: number; endTime?: number; assertionResults: { status: string }[] }[];
}

function countVitest(file: string): Counts | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as VitestReport;
  // A file that fails to load or whose hooks fail has no failed test, but it failed: count it once.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests };
}

/** The slowest test files of a Vitest report (seconds of wall time each; a file runs once per project). */
function slowestVitest(file: string, n: number): string[] {
  if (!fs.existsSync(file)) return [];
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as VitestReport;
  return r.testResults
    .map((f) => ({ name: path.relative(root, f.name), s: ((f.endTime ?? 0) - (f.startTime ?? 0)) / 1000 }))
    .sort((a, b) => b.s - a.s)
    .slice(0, n)
    .map((f) => `${f.s.toFixed(1).padStart(7)} s  ${f.name}`);
}

/** The slowest tests of a Playwright report. */
function slowestPlaywright(file: string, n: number): string[] {
  if (!fs.existsSync(file)) return [];
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as PlaywrightReport;
  const out: { name: string; s: number }[] = [];
  const walk = (suite: PlaywrightSuite, prefix: string) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        out.push({ name: `${prefix}${spec.title}`, s: (t.results ?? []).reduce((a, x) => a + (x.duration ?? 0), 0) / 1000 });
    for (const child of suite.suites ?? []) walk(child, child.file && !prefix ? `${child.file} › ` : prefix);
  };
  for (const suite of r.suites ?? []) walk(suite, `${suite.file ?? suite.title} › `);
  return out
    .sort((a, b) => b.s - a.s)
    .slice(0, n)
    .map((t) => `${t.s.toFixed(1).padStart(7)} s  ${t.name}`);
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; tests?: { results?: { duration?: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

// Playwright's JSON reporter; only the fields used here.
interface PlaywrightReport {
  suites?: PlaywrightSuite[];
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: unknown[];
}

function countPlaywright(file: string): Counts | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as PlaywrightReport;
  // Errors outside tests (web server did not start, global setup) fail the run: count each once.
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + r.errors.length, skipped: r.stats.skipped };
}

const vitestTier = (name: Tier["name"], projects: string[]): Tier => ({
  name,
  command: bin("vitest"),
  args: [
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(reportDir, `${name}.json`)}`,
  ],
  count: countVitest,
  slowest: slowestVitest,
});

// A static check is one test: its exit code says passed or failed. Run through npm so package.json stays
// the one place that says how.
const staticCheck = (name: Tier["name"], script: string): Tier => ({
  name,
  command: "npm",
  args: ["run", "--silent", script],
  count: (_reportFile, exitCode) => ({ passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 }),
});

const tiers: Tier[] = [
  // First and fast (seconds): a boundary crossed or a file left unformatted shows before the long tiers.
  staticCheck("lint", "lint"),
  staticCheck("format", "format:check"),
  staticCheck("knip", "knip"),
  vitestTier("unit", ["unit"]),
  // integration-pg exists only when TEST_DATABASE_URL is set (vitest.config.ts).
  vitestTier("integration", ["integration-*"]),
  {
    name: "e2e",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(reportDir, "e2e.json") },
    count: countPlaywright,
    slowest: slowestPlaywright,
  },
];

function run(tier: Tier): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(tier.command, tier.args, { cwd: root, stdio: "inherit", env: { ...process.env, ...tier.env } });
    child.on("error", (err) => {
      console.error(`[test-all] could not start ${tier.name}: ${err.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).flatMap((w) => groups[w] ?? [w]);
  const unknown = wanted.filter((w) => !tiers.some((t) => t.name === w));
  if (unknown.length) {
    const names = [...tiers.map((t) => t.name), ...Object.keys(groups)];
    console.error(`[test-all] unknown tier(s): ${unknown.join(", ")} (use: ${names.join(", ")})`);
    return 2;
  }
  const selected = wanted.length ? tiers.filter((t) => wanted.includes(t.name)) : tiers;
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  const slow: string[] = [];
  let exitCode = 0;

  for (const tier of selected) {
    console.log(`\n[test-all] ── ${tier.name} ──`);
    const started = performance.now();
    const code = await run(tier);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    let counts = tier.count(path.join(reportDir, `${tier.name}.json`), code) ?? { passed: 0, failed: 0, skipped: 0 };
    const slowest = tier.slowest?.(path.join(reportDir, `${tier.name}.json`), 12) ?? [];
    if (slowest.length) slow.push(`  ${tier.name}:`, ...slowest.map((l) => `  ${l}`));
    // Never report a failed run as all green: a non-zero exit with no failure counted is one failure.
    if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
    if (code !== 0) exitCode = 1;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    lines.push(
      `  ${tier.name.padEnd(12)} ${String(counts.passed).padStart(4)} passed  ${String(counts.failed).padStart(3)} failed  ` +
        `${String(counts.skipped).padStart(3)} skipped  ${seconds.padStart(6)} s${code !== 0 ? `  (exit ${code})` : ""}`,
    );
  }

  fs.rmSync(reportDir, { recursive: true, force: true });
  // CI time is a budget (README): where it goes, so the next change knows what to look at.
  if (slow.length) {
    console.log("\n[test-all] slowest");
    for (const line of slow) console.log(line);
  }
  console.log("\n[test-all] summary");
  for (const line of lines) console.log(line);
  if (total.failed > 0) exitCode = 1;
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
