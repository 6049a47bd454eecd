// Global setup of the "integration-pg" project (only configured when TEST_DATABASE_URL is set).
//
// Builds a template database `rantai_test_template_<fingerprint>` on TEST_DATABASE_URL's server with
// prepareDatabase (migrations + reference data); every test file then runs `CREATE DATABASE
// rantai_t_<random> TEMPLATE rantai_test_template_<fingerprint>` (tests/helpers/db.ts), which copies files
// instead of replaying migrations.
//
// The per-file databases are not dropped when their file ends: DROP DATABASE forces a checkpoint, which took
// 1-7 s each on a busy 2-core machine while the file's worker waited. A file only closes its connections;
// this setup's teardown drops all of the run's databases (named with the run's prefix) at once, in parallel,
// where the checkpoints they request merge into a few. Databases of a run killed before its teardown are
// dropped by the next run a day on.
//
// The fingerprint is a hash of the migrations, the reference data and the code that loads them. A template
// is kept between runs and reused while its fingerprint matches, so runs from different working trees on
// one server (a developer's tree and a CI clone; engineers sharing a machine) never drop a template another
// run is copying from. An advisory lock makes concurrent runs wait while one builds. Templates unused for a
// day are dropped. A template is marked IS_TEMPLATE with ALLOW_CONNECTIONS false once built, so nothing can
// change it afterwards; its comment records when it was last used and is written only once it is complete,
// so one without (an interrupted build) is rebuilt.
//
// An unreachable server throws here, which fails the whole run: a PostgreSQL run never "passes" by skipping.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { postgresRunner } from "../../lib/db/sql-runner";
import { prepareDatabase } from "../../lib/db/setup";
import { PG_TEMPLATE_PREFIX, PG_TEST_DB_PREFIX, describeUrl, quoteIdent, runPrefix, runStartedAt, withDatabaseName } from "./context";

const root = fileURLToPath(new URL("../..", import.meta.url));
const COMMENT_PREFIX = "rantai test template, last used ";
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** A hash of everything whose change must produce a new template. */
function templateFingerprint(): string {
  const files: string[] = [];
  const walk = (dir: string, keep: (f: string) => boolean) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full, keep);
      } else if (keep(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, "prisma", "migrations"), () => true);
  walk(path.join(root, "data"), (f) => f.endsWith(".json"));
  walk(path.join(root, "lib", "db"), (f) => f.endsWith(".ts"));
  const hash = crypto.createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw new Error(
      `integration-pg: cannot connect to TEST_DATABASE_URL (${describeUrl(url)}): ${(err as Error).message}. ` +
        "Start PostgreSQL or unset TEST_DATABASE_URL to run the embedded-database tests only.",
    );
  }
  return client;
}

/** Drops the databases whose names start with `prefix` and pass `keep`, `parallel` at a time. */
async function dropTestDatabases(serverUrl: string, prefix: string, keep: (name: string) => boolean = () => true) {
  const admin = await connect(serverUrl);
  let names: string[];
  try {
    const { rows } = await admin.query<{ name: string }>(`SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)`, [
      prefix,
    ]);
    names = rows.map((r) => r.name).filter(keep);
  } finally {
    await admin.end();
  }
  // Concurrent DROP DATABASEs share their checkpoints; a few connections are enough for that.
  const parallel = 8;
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(parallel, queue.length) }, async () => {
      const client = await connect(serverUrl);
      try {
        for (let name = queue.pop(); name; name = queue.pop())
          await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }),
  );
  return names.length;
}

async function dropTemplate(admin: pg.Client, name: string) {
  const t = quoteIdent(name);
  await admin.query(`ALTER DATABASE ${t} WITH IS_TEMPLATE false`);
  await admin.query(`DROP DATABASE ${t} WITH (FORCE)`);
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) throw new Error("integration-pg needs TEST_DATABASE_URL");
  const started = performance.now();
  const template = `${PG_TEMPLATE_PREFIX}_${templateFingerprint()}`;
  const dbPrefix = runPrefix(Date.now(), crypto.randomBytes(3).toString("hex"));
  const admin = await connect(serverUrl);
  let rebuilt = false;
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [PG_TEMPLATE_PREFIX]);
    const { rows } = await admin.query<{ name: string; comment: string | null }>(
      `SELECT datname AS name, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1`,
      [`${PG_TEMPLATE_PREFIX}%`],
    );
    const usedAt = (comment: string | null) =>
      comment?.startsWith(COMMENT_PREFIX) ? Date.parse(comment.slice(COMMENT_PREFIX.length)) : Number.NaN;

    // Nobody is building while we hold the lock, so a template without a time is an interrupted build.
    for (const other of rows.filter((r) => r.name !== template)) {
      const at = usedAt(other.comment);
      if (!(Date.now() - at < STALE_AFTER_MS)) await dropTemplate(admin, other.name);
    }

    const mine = rows.find((r) => r.name === template);
    if (!mine || Number.isNaN(usedAt(mine.comment))) {
      rebuilt = true;
      if (mine) await dropTemplate(admin, template);
      const t = quoteIdent(template);
      await admin.query(`CREATE DATABASE ${t} TEMPLATE template0`);
      const client = await connect(withDatabaseName(serverUrl, template));
      try {
        await prepareDatabase(postgresRunner(client));
      } finally {
        await client.end();
      }
      await admin.query(`ALTER DATABASE ${t} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    // Complete (and, when reused, still wanted): record the time.
    await admin.query(`COMMENT ON DATABASE ${quoteIdent(template)} IS ${pg.escapeLiteral(COMMENT_PREFIX + new Date().toISOString())}`);
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [PG_TEMPLATE_PREFIX]).catch(() => {});
    await admin.end();
  }
  // What killed runs left behind (runs still going are younger than a day).
  await dropTestDatabases(serverUrl, PG_TEST_DB_PREFIX, (name) => Date.now() - runStartedAt(name) > STALE_AFTER_MS);
  project.provide("rantaiTestDb", { backend: "postgres", serverUrl, template, dbPrefix });
  if (process.env.RANTAI_TEST_TIMINGS) {
    console.log(`[integration-pg] template ${template} ${rebuilt ? "built" : "reused"} in ${Math.round(performance.now() - started)} ms`);
  }
  return async () => {
    const dropStarted = performance.now();
    const dropped = await dropTestDatabases(serverUrl, dbPrefix);
    if (process.env.RANTAI_TEST_TIMINGS) {
      console.log(`[integration-pg] dropped the run's ${dropped} databases in ${Math.round(performance.now() - dropStarted)} ms`);
    }
  };
}
